using System.Diagnostics;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Runs a program to completion and returns its exit code and everything it printed.</summary>
internal static class ChildProcess
{
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs (the current folder when null).</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of this process's.</param>
    /// <param name="timeout">How long to wait before killing the program (and its children): exit code 124, as timeout(1) says. Unlimited when null.</param>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (124, $"{output.Result}{errors.Result}\n({Path.GetFileName(fileName)} did not finish within {timeout!.Value.TotalSeconds:0} s and was stopped)");
        }

        return (process.ExitCode, output.Result + errors.Result);
    }
}
