namespace Autograder.Tensors.NN;

/// <summary>A module with a typed forward pass, called as <c>module.Call(x)</c> (PyTorch's <c>module(x)</c>).</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>Computes the output.</summary>
    public abstract TOutput Forward(TInput input);

    /// <summary>Runs <see cref="Forward"/> (the place for hooks; use this in training code as PyTorch uses <c>module(x)</c>).</summary>
    public TOutput Call(TInput input) => Forward(input);
}
