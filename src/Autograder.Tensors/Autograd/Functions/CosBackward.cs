namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of cos x: −g · sin x.</summary>
internal sealed class CosBackward : Node
{
    public CosBackward(Tensor x)
        : base(x) => Save(x);

    public override Tensor?[] Apply(Tensor gradOutput) => [-gradOutput * Saved(0).Sin()];
}
