namespace Autograder.Tensors.Checking;

/// <summary>The outcome of a gradient check: one comparison per checked input.</summary>
/// <param name="Inputs">The per-input comparisons.</param>
public sealed record GradCheckResult(IReadOnlyList<InputGradCheck> Inputs)
{
    /// <summary>Gets whether every input passed.</summary>
    public bool Passed => Inputs.All(i => i.Passed);

    /// <summary>Gets the largest relative error over all inputs.</summary>
    public double MaxRelativeError => Inputs.Count == 0 ? 0 : Inputs.Max(i => i.MaxRelativeError);

    /// <summary>Gets the input with the largest relative error, if any.</summary>
    public InputGradCheck? Worst => Inputs.MaxBy(i => double.IsNaN(i.MaxRelativeError) ? double.PositiveInfinity : i.MaxRelativeError);

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Inputs);
}
