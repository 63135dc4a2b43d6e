namespace Autograder.Grading.Experiments;

/// <summary>What an experiment measured, as the report generator reads it from <c>metrics.json</c>.</summary>
/// <param name="Metrics">Single numbers (e.g. <c>test_accuracy</c>), computed by the host.</param>
/// <param name="Series">Curves, one value per step or epoch (e.g. <c>loss</c>).</param>
/// <param name="Tables">Tables (e.g. a hyper-parameter sweep).</param>
/// <param name="Facts">Short texts (e.g. which data set was used).</param>
public sealed record ExperimentSummary(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Series,
    IReadOnlyDictionary<string, ExperimentTable> Tables,
    IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>Gets images as PNG files by name (e.g. <c>conv1_filters</c>), written beside metrics.json as NAME.png.</summary>
    public IReadOnlyDictionary<string, byte[]> Images { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>Gets text files by name (e.g. <c>predictions.txt</c>), written beside metrics.json as they are.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}

/// <summary>A table of numbers with named columns.</summary>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows, each as long as <paramref name="Columns"/>.</param>
public sealed record ExperimentTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<double>> Rows);
