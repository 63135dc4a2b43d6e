namespace Autograder.Tensors.Autograd;

/// <summary>One recorded operation in the autograd graph: it maps the gradient of its output to gradients of its inputs.</summary>
/// <remarks>
/// Subclasses (one per op, in <c>Functions/</c>) write backward in tensor ops. The engine calls
/// <see cref="Apply"/> with recording off, in reverse topological order, and never recursively.
/// </remarks>
public abstract class Node
{
    private Tensor?[] _inputs;
    private SavedTensor[] _saved = [];

    /// <summary>Initializes a new instance of the <see cref="Node"/> class over the inputs that need gradients.</summary>
    /// <param name="inputs">The op's tensor inputs, in order; those that do not require grad get no gradient.</param>
    protected Node(params Tensor?[] inputs)
    {
        _inputs = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            _inputs[i] = inputs[i] is { RequiresGrad: true } t ? t : null;
        }
    }

    /// <summary>Gets the op's name as PyTorch prints it in <c>grad_fn</c> (e.g. <c>MulBackward</c>).</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Gets whether backward already ran through this node and freed it.</summary>
    internal bool IsReleased { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="Apply"/> may overwrite its gradOutput and return it: the engine sets it while the gradient is
    /// its own, contiguous over its whole buffer, and used nowhere else (never the caller's gradient, never a leaf's Grad).</summary>
    /// <remarks>An elementwise backward pass that writes in place spares a fresh buffer the size of the activation, which is cold memory
    /// (a ReLU after a 16-channel 28 × 28 convolution writes 3.2 MB per batch of 64).</remarks>
    protected internal bool MayOverwriteGradOutput { get; internal set; }

    /// <summary>Gets the inputs that receive gradients (null where an input needs none).</summary>
    internal ReadOnlySpan<Tensor?> Inputs => _inputs;

    /// <summary>Returns, for each input, the gradient of the loss with respect to it (null where not needed).</summary>
    /// <param name="gradOutput">The gradient with respect to this op's output.</param>
    /// <returns>One gradient per input.</returns>
    public abstract Tensor?[] Apply(Tensor gradOutput);

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";

    /// <summary>
    /// Adds this node's gradient for its single input into <paramref name="target"/>, the gradient already gathered for that input,
    /// instead of returning a new one; false when the node cannot (the default).
    /// </summary>
    /// <remarks>
    /// The engine offers it only when <paramref name="target"/> is its own buffer with no other use. A slice's gradient is mostly
    /// zeros the size of the whole input: a recurrent layer reads its projected input one step at a time, and summing T such
    /// gradients would write T × the input (quadratic in the sequence length); adding each slice in place writes it once.
    /// </remarks>
    internal virtual bool TryAccumulateInto(Tensor target, Tensor gradOutput) => false;

    /// <summary>Returns whether input <paramref name="index"/> needs a gradient.</summary>
    protected bool NeedsGrad(int index) => _inputs[index] is not null;

    /// <summary>Keeps tensors for backward, guarded against later in-place writes; read them back with <see cref="Saved"/>.</summary>
    protected void Save(params Tensor[] tensors) => _saved = [.. tensors.Select(t => new SavedTensor(t))];

    /// <summary>Returns the saved tensor at <paramref name="index"/>, or throws if it was modified in place or freed.</summary>
    protected Tensor Saved(int index) => _saved[index].Unpack(this);

    /// <summary>Frees the inputs and saved tensors after backward (unless the graph is retained).</summary>
    internal void Release()
    {
        IsReleased = true;
        _inputs = new Tensor?[_inputs.Length];
        _saved = new SavedTensor[_saved.Length];
    }
}
