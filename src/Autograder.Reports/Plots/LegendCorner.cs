using ScottPlot;

namespace Autograder.Reports.Plots;

/// <summary>Puts a legend in an inside corner of the plot area that hides no point of the lines (top right first), or outside on the right when every corner would.</summary>
internal static class LegendCorner
{
    /// <summary>The corner for a legend of <paramref name="names"/> over <paramref name="runs"/> (in axis units, within the plot's axis limits as set); null when none is free.</summary>
    public static Alignment? Free(Plot plot, List<List<(double X, double Y)>> runs, List<string> names)
    {
        var limits = plot.Axes.GetLimits();
        var (dataWidth, dataHeight) = (Chart.Width - 90.0, Chart.Height - 100.0);
        var (width, height) = ((36 + (7 * names.Max(n => n.Length))) / dataWidth, ((20 * names.Count) + 12) / dataHeight);
        var points = runs.SelectMany(Along)
            .Select(p => ((p.X - limits.Left) / (limits.Right - limits.Left), (p.Y - limits.Bottom) / (limits.Top - limits.Bottom)))
            .ToList();
        // Each corner's box, in fractions of the plot area, reaching past the edges: a point at the very edge is hidden too.
        var (margin, w, h) = (0.03, width + 0.03, height + 0.03);
        var corners = new (Alignment Alignment, double Left, double Right, double Bottom, double Top)[]
        {
            (Alignment.UpperRight, 1 - w, 1 + margin, 1 - h, 1 + margin),
            (Alignment.LowerRight, 1 - w, 1 + margin, -margin, h),
            (Alignment.UpperLeft, -margin, w, 1 - h, 1 + margin),
            (Alignment.LowerLeft, -margin, w, -margin, h),
        };
        return corners.Where(c => !points.Any(p => p.Item1 >= c.Left && p.Item1 <= c.Right && p.Item2 >= c.Bottom && p.Item2 <= c.Top))
            .Select(c => (Alignment?)c.Alignment)
            .FirstOrDefault();
    }

    /// <summary>Points along a run, eight per segment: the lines a legend must not hide, not only their ends.</summary>
    private static IEnumerable<(double X, double Y)> Along(List<(double X, double Y)> run)
    {
        for (var i = 0; i < run.Count; i++)
        {
            yield return run[i];
            if (i + 1 < run.Count)
            {
                for (var k = 1; k < 8; k++)
                {
                    yield return (run[i].X + ((run[i + 1].X - run[i].X) * k / 8), run[i].Y + ((run[i + 1].Y - run[i].Y) * k / 8));
                }
            }
        }
    }
}
