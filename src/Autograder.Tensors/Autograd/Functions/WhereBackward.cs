namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of where(c, a, b): g where c to a, g where not c to b, summed back over broadcasting.</summary>
internal sealed class WhereBackward : Node
{
    private readonly Tensor _condition;
    private readonly int[] _aShape;
    private readonly int[] _bShape;

    public WhereBackward(Tensor condition, Tensor a, Tensor b)
        : base(a, b)
    {
        (_condition, _aShape, _bShape) = (condition, a.ShapeArray, b.ShapeArray);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var zero = Tensor.ZerosLike(gradOutput);
        return
        [
            NeedsGrad(0) ? BroadcastGradient.SumTo(Tensor.Where(_condition, gradOutput, zero), _aShape) : null,
            NeedsGrad(1) ? BroadcastGradient.SumTo(Tensor.Where(_condition, zero, gradOutput), _bShape) : null,
        ];
    }
}
