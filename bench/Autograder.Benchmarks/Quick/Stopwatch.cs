using System.Diagnostics;

namespace Autograder.Benchmarks.Quick;

/// <summary>Times an action repeatedly after a warm-up and reports the median run in seconds.</summary>
internal static class Timing
{
    /// <summary>The shortest warm-up.</summary>
    private const double MinWarmUpSeconds = 1.5;

    /// <summary>The longest warm-up, plateau or not.</summary>
    private const double MaxWarmUpSeconds = 12;

    /// <summary>Warm-up windows: the median run of each is compared with the best before it.</summary>
    private const double WindowSeconds = 0.5;

    /// <summary>
    /// Warms up until the median run stops improving: two windows in a row no more than 3 % faster than the best before.
    /// The JIT compiles methods unoptimised first, then instrumented, then optimised with the profile (tiered PGO), in the
    /// background; the CNN's training step measured 2,200 img/s in its first second, 13,900 after four and no more after
    /// that, so a fixed 1.5 s warm-up had reported a mixture of both.
    /// </summary>
    public static double MedianSeconds(Action action, double budgetSeconds, int minRuns = 5)
    {
        var warmUp = Stopwatch.StartNew();
        var best = double.MaxValue;
        var stale = 0;
        while (warmUp.Elapsed.TotalSeconds < MaxWarmUpSeconds && (stale < 2 || warmUp.Elapsed.TotalSeconds < MinWarmUpSeconds))
        {
            var window = Median(action, WindowSeconds, 2);
            if (window < best * 0.97)
            {
                stale = 0;
            }
            else
            {
                stale++;
            }

            best = Math.Min(best, window);
        }

        return Median(action, budgetSeconds, minRuns);
    }

    private static double Median(Action action, double seconds, int minRuns)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || total.Elapsed.TotalSeconds < seconds)
        {
            var run = Stopwatch.StartNew();
            action();
            times.Add(run.Elapsed.TotalSeconds);
            if (times.Count >= 10_000)
            {
                break;
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
