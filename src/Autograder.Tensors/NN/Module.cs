using System.Reflection;
using Autograder.Tensors.Autograd;
using Autograder.Tensors.IO;

namespace Autograder.Tensors.NN;

/// <summary>The base of every layer and model: named parameters, buffers and submodules, train/eval mode, and state dicts.</summary>
/// <remarks>
/// Like <c>torch.nn.Module</c>. Components are registered explicitly (<see cref="RegisterParameter(string, Tensor)"/>,
/// <see cref="RegisterBuffer"/>, <see cref="RegisterModule{TModule}"/>) or discovered, on first use, from the
/// fields of a subclass in declaration order: a <see cref="Module"/> field is a submodule, a <see cref="Tensor"/>
/// field that requires grad is a parameter and any other tensor field a buffer. A field <c>_fc1</c> or a property
/// <c>Fc1</c> is named <c>fc1</c>; names join with dots (<c>features.0.weight</c>).
/// </remarks>
public abstract class Module
{
    private readonly List<(string Name, Func<Tensor?> Get, Action<Tensor> Set, bool IsParameter)> _tensors = [];
    private readonly List<(string Name, Module Module)> _modules = [];
    private readonly HashSet<string> _explicit = [];
    private bool _discovered;

    /// <summary>Gets whether the module is in training mode (dropout active, batch norm using batch statistics).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a parameter (a leaf tensor that the optimizer updates) under <paramref name="name"/>.</summary>
    /// <returns>A holder whose value <see cref="To"/> may replace; read the parameter through it.</returns>
    protected Holder RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var holder = new Holder(parameter.RequiresGrad || !parameter.DType.IsFloatingPoint() ? parameter : parameter.RequireGrad());
        Add(name);
        _tensors.Add((name, () => holder.Value, t => holder.Value = t, true));
        return holder;
    }

    /// <summary>Registers, under this module's own name, a parameter that another object holds (e.g. a recurrent layer's cells).</summary>
    protected void RegisterParameter(string name, Holder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        Add(name);
        _tensors.Add((name, () => holder.Value, t => holder.Value = t, true));
    }

    /// <summary>Registers a buffer: state saved in the state dict but not trained (e.g. batch-norm running statistics).</summary>
    /// <returns>A holder whose value may be replaced in place.</returns>
    protected Holder RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var holder = new Holder(buffer);
        Add(name);
        _tensors.Add((name, () => holder.Value, t => holder.Value = t, false));
        return holder;
    }

    /// <summary>Registers a submodule under <paramref name="name"/>.</summary>
    /// <returns>The submodule.</returns>
    protected TModule RegisterModule<TModule>(string name, TModule module)
        where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        Add(name);
        _modules.Add((name, module));
        return module;
    }

    /// <summary>Replaces the submodule registered under <paramref name="name"/>, keeping its place (PyTorch's <c>model.fc = nn.Linear(…)</c>).</summary>
    /// <returns>The new submodule.</returns>
    /// <exception cref="ArgumentException">No submodule has that name.</exception>
    protected TModule ReplaceModule<TModule>(string name, TModule module)
        where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        Discover();
        var index = _modules.FindIndex(m => m.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"{GetType().Name} has no submodule '{name}' to replace; it has {string.Join(", ", _modules.Select(m => m.Name))}.", nameof(name));
        }

        _modules[index] = (name, module);
        return module;
    }

    /// <summary>Returns the direct submodules with their names, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        Discover();
        return _modules;
    }

    /// <summary>Returns this module and every submodule, depth first, with dotted names ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        var stack = new Stack<(string, Module)>();
        stack.Push(("", this));
        while (stack.Count > 0)
        {
            var (prefix, module) = stack.Pop();
            yield return (prefix, module);
            foreach (var (name, child) in module.NamedChildren().Reverse())
            {
                stack.Push((Join(prefix, name), child));
            }
        }
    }

    /// <summary>Returns every parameter with its dotted name, in registration order, each once.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() => NamedTensors(parameters: true);

    /// <summary>Returns every buffer with its dotted name.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() => NamedTensors(parameters: false);

    /// <summary>Returns every parameter, in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Sets training mode here and in every submodule.</summary>
    /// <returns>This module.</returns>
    public Module Train(bool mode = true)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.Training = mode;
        }

        return this;
    }

    /// <summary>Sets evaluation mode (same as <c>Train(false)</c>).</summary>
    /// <returns>This module.</returns>
    public Module Eval() => Train(false);

    /// <summary>Sets <see cref="Tensor.RequiresGrad"/> on every parameter of this subtree (false freezes it).</summary>
    /// <returns>This module.</returns>
    public Module RequiresGrad(bool requiresGrad = true)
    {
        foreach (var p in Parameters())
        {
            p.RequiresGrad = requiresGrad;
        }

        return this;
    }

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.Grad = null;
        }
    }

    /// <summary>Returns the number of parameter elements (trainable only, when asked).</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        Parameters().Where(p => !trainableOnly || p.RequiresGrad).Sum(p => (long)p.NumEl);

    /// <summary>Returns copies of every parameter and buffer, keyed by dotted name.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, tensor, _) in AllTensors())
        {
            state[name] = tensor.Detach().Clone();
        }

        return state;
    }

    /// <summary>Copies values from a state dict into this module's parameters and buffers (in place, keeping identities).</summary>
    /// <param name="state">Tensors keyed by dotted name.</param>
    /// <param name="strict">Whether missing and unexpected keys are errors (the default, as in PyTorch).</param>
    /// <returns>The missing and unexpected keys (both empty when strict loading succeeds).</returns>
    public (IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected) LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = AllTensors().ToDictionary(t => t.Name, t => t.Tensor);
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var wrongShapes = own.Where(o => state.TryGetValue(o.Key, out var s) && !s.Shape.SequenceEqual(o.Value.Shape))
            .Select(o => $"{o.Key}: expected {ThrowHelper.Dims(o.Value.Shape)}, got {ThrowHelper.Dims(state[o.Key].Shape)}").ToList();
        if (wrongShapes.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing keys: {string.Join(", ", missing)}");
            }

            if (unexpected.Count > 0)
            {
                parts.Add($"unexpected keys: {string.Join(", ", unexpected)}");
            }

            if (wrongShapes.Count > 0)
            {
                parts.Add($"size mismatch: {string.Join("; ", wrongShapes)}");
            }

            ThrowHelper.Shape("LoadStateDict", $"error(s) in loading the state dict for {GetType().Name}: {string.Join(". ", parts)}.");
        }

        using (GradMode.Disable())
        {
            foreach (var (name, tensor) in own)
            {
                if (state.TryGetValue(name, out var value))
                {
                    tensor.CopyFrom(value);
                }
            }
        }

        return (missing, unexpected);
    }

    /// <summary>Saves the state dict as a safetensors file.</summary>
    public void Save(string path) => SafeTensors.Write(path, StateDict());

    /// <summary>Loads a state dict from a safetensors file.</summary>
    public void Load(string path, bool strict = true) => LoadStateDict(SafeTensors.Read(path), strict);

    /// <summary>Casts every floating-point parameter and buffer to <paramref name="dtype"/> (replacing them; the optimizer must be created after).</summary>
    /// <returns>This module.</returns>
    public Module To(DType dtype)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.Discover();
            foreach (var (_, get, set, isParameter) in module._tensors)
            {
                if (get() is { } t && t.DType.IsFloatingPoint() && t.DType != dtype)
                {
                    var converted = t.Detach().To(dtype);
                    set(isParameter ? converted.RequireGrad(t.RequiresGrad) : converted);
                }
            }
        }

        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe(this, 0);

    /// <summary>A one-line description of this module's own settings, e.g. <c>in_features=784, out_features=10</c>.</summary>
    protected virtual string ExtraRepr() => "";

    private static string Describe(Module module, int indent)
    {
        var children = module.NamedChildren().ToList();
        if (children.Count == 0)
        {
            return $"{module.GetType().Name}({module.ExtraRepr()})";
        }

        var pad = new string(' ', indent + 2);
        var lines = children.Select(c => $"{pad}({c.Name}): {Describe(c.Module, indent + 2)}");
        return $"{module.GetType().Name}(\n{string.Join("\n", lines)}\n{new string(' ', indent)})";
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private IEnumerable<(string Name, Tensor Tensor, bool IsParameter)> AllTensors()
    {
        foreach (var (prefix, module) in NamedModules())
        {
            module.Discover();
            foreach (var (name, get, _, isParameter) in module._tensors)
            {
                if (get() is { } t)
                {
                    yield return (Join(prefix, name), t, isParameter);
                }
            }
        }
    }

    private IEnumerable<(string, Tensor)> NamedTensors(bool parameters)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (name, tensor, isParameter) in AllTensors())
        {
            if (isParameter == parameters && seen.Add(tensor))
            {
                yield return (name, tensor);
            }
        }
    }

    private void Add(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal) || !_explicit.Add(name))
        {
            ThrowHelper.Shape(GetType().Name, $"component name '{name}' is empty, contains a dot, or is already registered.");
        }
    }

    /// <summary>Registers, once, the Module and Tensor fields a subclass declares but did not register explicitly.</summary>
    private void Discover()
    {
        if (_discovered)
        {
            return;
        }

        _discovered = true;
        var registered = new HashSet<object>(_modules.Select(m => (object)m.Module).Concat(_tensors.Select(t => (object?)t.Get()).OfType<object>()), ReferenceEqualityComparer.Instance);
        var types = new Stack<Type>();
        for (var t = GetType(); t is not null && t != typeof(Module); t = t.BaseType)
        {
            types.Push(t);
        }

        foreach (var type in types)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var value = field.GetValue(this);
                if (value is null || registered.Contains(value))
                {
                    continue;
                }

                var name = FieldName(field.Name);
                if (value is Module module && _explicit.Add(name))
                {
                    _modules.Add((name, module));
                }
                else if (value is Tensor tensor && _explicit.Add(name))
                {
                    var f = field;
                    _tensors.Add((name, () => (Tensor?)f.GetValue(this), v => f.SetValue(this, v), tensor.RequiresGrad));
                }
            }
        }
    }

    private static string FieldName(string field)
    {
        if (field.StartsWith('<'))
        {
            field = field[1..field.IndexOf('>', StringComparison.Ordinal)];
        }

        field = field.TrimStart('_');
        return field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
    }

    /// <summary>A replaceable reference to a registered tensor (lets <see cref="To"/> and buffers swap values).</summary>
    /// <param name="value">The initial tensor.</param>
    protected internal sealed class Holder(Tensor value)
    {
        /// <summary>Gets or sets the tensor.</summary>
        public Tensor Value { get; set; } = value;
    }
}
