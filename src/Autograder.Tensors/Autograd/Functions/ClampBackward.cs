namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of clamp(x, min, max): g where min ≤ x ≤ max, 0 elsewhere.</summary>
internal sealed class ClampBackward : Node
{
    private readonly double? _min;
    private readonly double? _max;

    public ClampBackward(Tensor x, double? min, double? max)
        : base(x)
    {
        (_min, _max) = (min, max);
        Save(x);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var x = Saved(0);
        var mask = Tensor.OnesLike(x);
        if (_min is { } lo)
        {
            mask *= x.Ge(lo);
        }

        if (_max is { } hi)
        {
            mask *= x.Le(hi);
        }

        return [gradOutput * mask];
    }
}
