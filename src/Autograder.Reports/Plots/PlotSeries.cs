namespace Autograder.Reports.Plots;

/// <summary>One named line of a plot: points (X[i], Y[i]); non-finite values break the line.</summary>
/// <param name="Name">The legend's label.</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, as many as <paramref name="X"/>.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>A series over 1, 2, …, n (epochs, iterations).</summary>
    public static PlotSeries OverSteps(string name, IReadOnlyList<double> y) =>
        new(name, [.. Enumerable.Range(1, y.Count).Select(i => (double)i)], y);
}
