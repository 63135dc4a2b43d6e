namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of gather: the gradient scatter-added back to the gathered positions.</summary>
internal sealed class GatherBackward(Tensor input, int dim, Tensor index) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) => [Ops.IndexOps.ScatterAddIntoZeros(_shape, dim, index, gradOutput)];
}
