using System.Diagnostics;

namespace Autograder.Grading.Building;

/// <summary>Runs the <c>dotnet</c> command line (builds, solution edits) in a folder, quietly, and returns what it printed.</summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="folder"/> to completion; cancelling kills it and its children.</summary>
    /// <returns>The exit code and stdout followed by stderr.</returns>
    public static (int ExitCode, string Output) Run(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var (exitCode, output, _) = Run(folder, arguments, Timeout.InfiniteTimeSpan, cancellationToken);
        return (exitCode, output);
    }

    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="folder"/>, killing it and its children past <paramref name="timeLimit"/> or when cancelled.</summary>
    /// <returns>The exit code, stdout followed by stderr, and whether it was stopped for taking too long.</returns>
    public static (int ExitCode, string Output, bool TimedOut) Run(string folder, IEnumerable<string> arguments, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Run(start, timeLimit, cancellationToken);
    }

    /// <summary>Gets the folder of the .NET install this process runs on (…/shared/Microsoft.NETCore.App/10.0.x/ → its root).</summary>
    public static string Root => Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Runs a prepared command (a <c>dotnet</c> command, possibly wrapped in a sandbox) like <see cref="Run(string, IEnumerable{string}, TimeSpan, CancellationToken)"/>.</summary>
    public static (int ExitCode, string Output, bool TimedOut) Run(ProcessStartInfo start, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        (start.RedirectStandardOutput, start.RedirectStandardError, start.UseShellExecute) = (true, true, false);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        using var registration = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var finished = process.WaitForExit(timeLimit == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Min(int.MaxValue, timeLimit.TotalMilliseconds));
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (finished ? process.ExitCode : -1, output.Result + errors.Result, !finished);
    }
}
