namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a − b: g and −g, summed back over broadcast dimensions.</summary>
internal sealed class SubBackward(Tensor a, Tensor b) : Node(a, b)
{
    private readonly int[] _aShape = a.ShapeArray, _bShape = b.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput) =>
        [NeedsGrad(0) ? BroadcastGradient.SumTo(gradOutput, _aShape) : null, NeedsGrad(1) ? BroadcastGradient.SumTo(-gradOutput, _bShape) : null];
}
