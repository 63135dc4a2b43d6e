namespace Autograder.Tensors.Optim;

/// <summary>The base of optimizers: parameter groups, <see cref="ZeroGrad"/> and <see cref="Step"/>, per-parameter state.</summary>
public abstract class Optimizer
{
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Initializes a new instance of the <see cref="Optimizer"/> class.</summary>
    protected Optimizer(IEnumerable<ParamGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ParamGroups = [.. groups];
        foreach (var p in ParamGroups.SelectMany(g => g.Parameters))
        {
            if (!p.IsLeaf || !p.DType.IsFloatingPoint())
            {
                ThrowHelper.Invalid(GetType().Name, $"can only optimize floating-point leaf tensors; got a {(p.IsLeaf ? p.DType.Name() : "non-leaf")} tensor of shape {ThrowHelper.Dims(p.Shape)}.");
            }
        }
    }

    /// <summary>Gets the parameter groups.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups { get; }

    /// <summary>Clears every parameter's gradient (sets it to null, as PyTorch 2 does by default).</summary>
    public void ZeroGrad()
    {
        foreach (var p in ParamGroups.SelectMany(g => g.Parameters))
        {
            p.Grad = null;
        }
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        using var scope = Tensor.NoGrad();
        foreach (var group in ParamGroups)
        {
            foreach (var p in group.Parameters)
            {
                if (p.Grad is { } grad)
                {
                    Update(group, p, grad, State(p));
                }
            }
        }
    }

    /// <summary>Updates one parameter in place from its gradient (called with recording off).</summary>
    protected abstract void Update(ParamGroup group, Tensor parameter, Tensor gradient, Dictionary<string, Tensor> state);

    private Dictionary<string, Tensor> State(Tensor p)
    {
        if (!_state.TryGetValue(p, out var state))
        {
            _state[p] = state = [];
        }

        return state;
    }
}
