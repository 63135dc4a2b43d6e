namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of 1/x: −g / x² = −g · y².</summary>
internal sealed class ReciprocalBackward : Node
{
    public ReciprocalBackward(Tensor x, Tensor result)
        : base(x) => Save(result);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var y = Saved(0);
        return [-gradOutput * y * y];
    }
}
