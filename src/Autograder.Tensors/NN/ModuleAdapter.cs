namespace Autograder.Tensors.NN;

/// <summary>Wraps a module with a different forward signature (e.g. an LSTM) as a tensor-to-tensor module, for <see cref="Sequential"/>.</summary>
/// <param name="inner">The wrapped module (its parameters appear under "inner.").</param>
/// <param name="forward">Maps an input to the output to pass on.</param>
public sealed class ModuleAdapter(Module inner, Func<Tensor, Tensor> forward) : Module<Tensor, Tensor>
{
    private readonly Module _inner = inner;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => forward(input);
}
