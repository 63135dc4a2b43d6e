using Autograder.Grading.Protocol;
using Spectre.Console;

namespace Autograder.Host;

/// <summary>Shows experiments' progress: a live bar per experiment on a terminal, one line per update otherwise (CI logs).</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress reporter; the display ends when it returns.</summary>
    public static T Run<T>(bool plain, Func<IProgress<ProbeProgress>, T> work)
    {
        if (plain || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(new LineProgress());
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new BarProgress(context)));
    }

    private sealed class LineProgress : IProgress<ProbeProgress>
    {
        private string _last = "";

        public void Report(ProbeProgress value)
        {
            if (value.Message != _last)
            {
                _last = value.Message;
                Console.WriteLine($"  {value.CheckId} {100 * value.Fraction,3:0} %  {value.Message}");
            }
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
