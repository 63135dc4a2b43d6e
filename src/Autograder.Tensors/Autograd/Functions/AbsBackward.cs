namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of |x|: g · sign(x) (0 at 0).</summary>
internal sealed class AbsBackward : Node
{
    public AbsBackward(Tensor x)
        : base(x) => Save(x);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var x = Saved(0);
        return [gradOutput * (x.Gt(0.0).To(x.DType) - x.Lt(0.0).To(x.DType))];
    }
}
