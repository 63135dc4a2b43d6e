using Autograder.Grading.Protocol;
using Spectre.Console;

namespace Autograder.Host;

/// <summary>Shows experiments' progress: a live bar per experiment on a terminal, one line per update otherwise (CI logs).</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress reporter; the display ends when it returns.</summary>
    public static T Run<T>(bool plain, Func<IProgress<ProbeProgress>, T> work)
    {
        if (plain || ConsoleOutput.IsPlain || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(new LineProgress());
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new BarProgress(context)));
    }

    /// <summary>
    /// One line per step of progress for logs: an experiment's first message, then a line whenever it passes another tenth of
    /// its work or 15 seconds have gone by (a line per minibatch would bury the score table in thousands of lines).
    /// </summary>
    private sealed class LineProgress : IProgress<ProbeProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
        private readonly Dictionary<string, (int Tenth, long Ticks)> _printed = [];

        public void Report(ProbeProgress value)
        {
            var tenth = (int)Math.Floor(10 * Math.Clamp(value.Fraction, 0, 1));
            var now = Environment.TickCount64;
            if (_printed.TryGetValue(value.CheckId, out var last) && tenth == last.Tenth && now - last.Ticks < Interval.TotalMilliseconds)
            {
                return;
            }

            _printed[value.CheckId] = (tenth, now);
            Console.WriteLine($"  {value.CheckId} {100 * value.Fraction,3:0} %  {value.Message}");
        }
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<ProbeProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report(ProbeProgress value)
        {
            if (!_tasks.TryGetValue(value.CheckId, out var task))
            {
                task = context.AddTask(Markup.Escape(value.CheckId), maxValue: 1);
                _tasks[value.CheckId] = task;
            }

            task.Value = value.Fraction;
            task.Description = Markup.Escape($"{value.CheckId}: {value.Message}");
        }
    }
}
