using System.Diagnostics;

namespace Autograder.Benchmarks.Quick;

/// <summary>Times an action repeatedly after a warm-up and reports the median run in seconds.</summary>
internal static class Timing
{
    public static double MedianSeconds(Action action, double budgetSeconds, int minRuns = 5)
    {
        action();
        action();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || total.Elapsed.TotalSeconds < budgetSeconds)
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
