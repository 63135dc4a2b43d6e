namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of max or min along a dimension: each gradient goes to the index that attained it.</summary>
internal sealed class ExtremeDimBackward(Tensor input, Tensor indices, int dim) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) =>
        [Tensor.Zeros(_shape, gradOutput.DType).ScatterAdd(dim, indices, gradOutput)];
}
