namespace Autograder.Reports.Results;

/// <summary>One experiment's saved result, as <c>experiments/ID/metrics.json</c> holds it.</summary>
/// <param name="Id">The experiment's id (<c>a1.two_layer_mnist</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Implementation">What was graded (reference, a student's folder).</param>
/// <param name="Outcome">passed, failed, not-attempted, errored or timed-out.</param>
/// <param name="Message">The grader's message (why it failed, or what it measured).</param>
/// <param name="Metrics">Single numbers by name.</param>
/// <param name="Series">Curves by name.</param>
/// <param name="Tables">Tables by name.</param>
/// <param name="Facts">Short texts by name.</param>
/// <param name="Images">PNG files by name, as absolute paths.</param>
public sealed record ExperimentRecord(
    string Id,
    string Title,
    string Implementation,
    string Outcome,
    string Message,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Series,
    IReadOnlyDictionary<string, ResultTable> Tables,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyDictionary<string, string> Images)
{
    /// <summary>Gets whether the run completed and measured something (a failed score still has metrics; a crash has none).</summary>
    public bool HasMeasurements => Metrics.Count + Series.Count + Tables.Count + Images.Count > 0;
}

/// <summary>A saved table of numbers.</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows, each as long as <paramref name="Columns"/>.</param>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<double>> Rows);
