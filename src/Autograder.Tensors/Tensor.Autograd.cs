using Autograder.Tensors.Autograd;

namespace Autograder.Tensors;

/// <summary>Autograd members: RequiresGrad, Grad, GradFn, Backward, Detach and NoGrad.</summary>
public sealed partial class Tensor
{
    private bool _requiresGrad;

    /// <summary>Gets or sets whether gradients flow to this tensor. Only leaves of floating-point type can be set.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad || GradFn is not null;
        set
        {
            if (GradFn is not null)
            {
                ThrowHelper.Invalid("RequiresGrad", "you can only change RequiresGrad of leaf tensors; use Detach() to get a leaf.");
            }

            if (value && !DType.IsFloatingPoint())
            {
                ThrowHelper.DTypeError("RequiresGrad", $"only floating-point tensors can require gradients; this one is {DType.Name()}.");
            }

            _requiresGrad = value;
        }
    }

    /// <summary>Gets or sets the accumulated gradient (null until a backward pass reaches this leaf).</summary>
    public Tensor? Grad { get; set; }

    /// <summary>Gets the op that produced this tensor, or null for a leaf.</summary>
    public Node? GradFn { get; private set; }

    /// <summary>Gets whether the tensor was created by the user rather than by a recorded op.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for chaining (PyTorch's <c>requires_grad_()</c>).</summary>
    /// <param name="requiresGrad">Whether gradients flow to this tensor.</param>
    /// <returns>This tensor.</returns>
    public Tensor RequireGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Stops recording the graph until the returned scope is disposed: <c>using (Tensor.NoGrad()) { … }</c>.</summary>
    /// <returns>The scope.</returns>
    public static IDisposable NoGrad() => GradMode.Disable();

    /// <summary>Computes the gradient of this tensor with respect to every leaf that requires grad, accumulating into their <see cref="Grad"/>.</summary>
    /// <param name="gradient">The upstream gradient (same shape); may be omitted for a one-element tensor.</param>
    /// <param name="retainGraph">Keep the graph so that Backward can run through it again.</param>
    /// <exception cref="InvalidOperationException">A grader has switched autograd off (see <see cref="AutogradRule"/>).</exception>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
    {
        AutogradRule.ThrowIfForbidden();
        if (!RequiresGrad)
        {
            ThrowHelper.Invalid("Backward", "element 0 of tensors does not require grad and does not have a GradFn; set RequiresGrad on a leaf that feeds it.");
        }

        if (gradient is null)
        {
            if (NumEl != 1)
            {
                ThrowHelper.Invalid("Backward", $"grad can be implicitly created only for one-element outputs; this one has shape {ThrowHelper.Dims(Shape)}. Pass a gradient.");
            }

            gradient = OnesLike(this);
        }
        else if (!gradient.Shape.SequenceEqual(Shape))
        {
            ThrowHelper.Shape("Backward", $"the gradient's shape {ThrowHelper.Dims(gradient.Shape)} must match the output's shape {ThrowHelper.Dims(Shape)}.");
        }

        BackwardEngine.Run(this, gradient.DType == DType ? gradient : gradient.To(DType), retainGraph);
    }

    /// <summary>Returns a view of the same data, cut from the graph (a leaf that does not require grad).</summary>
    public Tensor Detach() => new(Storage, _shape, _strides, Offset);

    /// <summary>Attaches <paramref name="node"/> as this result's GradFn when recording is on and some input requires grad.</summary>
    internal Tensor WithGradFn(Func<Node> node, Tensor a, Tensor? b = null)
    {
        if (GradMode.IsEnabled && (a.RequiresGrad || (b?.RequiresGrad ?? false)))
        {
            GradFn = node();
        }

        return this;
    }

    /// <summary>Attaches <paramref name="node"/> as GradFn when recording is on and any of <paramref name="inputs"/> requires grad.</summary>
    internal Tensor WithGradFn(Func<Node> node, IReadOnlyList<Tensor> inputs)
    {
        if (GradMode.IsEnabled && inputs.Any(t => t.RequiresGrad))
        {
            GradFn = node();
        }

        return this;
    }
}
