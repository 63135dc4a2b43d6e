using ScottPlot;

namespace Autograder.Reports.Plots;

/// <summary>Puts a legend in the inside corner of the plot area that hides the fewest points of the lines (top right when tied).</summary>
internal static class LegendCorner
{
    /// <summary>The corner for a legend of <paramref name="names"/> over <paramref name="runs"/> (in axis units), within the plot's axis limits as set.</summary>
    public static Alignment Emptiest(Plot plot, List<List<(double X, double Y)>> runs, List<string> names)
    {
        var limits = plot.Axes.GetLimits();
        var (dataWidth, dataHeight) = (Chart.Width - 90.0, Chart.Height - 100.0);
        var (width, height) = ((36 + (7 * names.Max(n => n.Length))) / dataWidth, ((20 * names.Count) + 12) / dataHeight);
        var points = runs.SelectMany(Along)
            .Select(p => ((p.X - limits.Left) / (limits.Right - limits.Left), (p.Y - limits.Bottom) / (limits.Top - limits.Bottom)))
            .ToList();
        var margin = 0.03;
        var corners = new (Alignment Alignment, double Left, double Bottom)[]
        {
            (Alignment.UpperRight, 1 - width - margin, 1 - height - margin),
            (Alignment.LowerRight, 1 - width - margin, 0),
            (Alignment.UpperLeft, 0, 1 - height - margin),
            (Alignment.LowerLeft, 0, 0),
        };
        return corners.MinBy(c => points.Count(p => p.Item1 >= c.Left && p.Item1 <= c.Left + width + margin && p.Item2 >= c.Bottom && p.Item2 <= c.Bottom + height + margin)).Alignment;
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
