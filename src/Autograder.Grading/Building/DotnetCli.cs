using System.Diagnostics;

namespace Autograder.Grading.Building;

/// <summary>Runs the <c>dotnet</c> command line (builds, solution edits) in a folder, quietly, and returns what it printed.</summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="folder"/> to completion; cancelling kills it and its children.</summary>
    /// <returns>The exit code and stdout followed by stderr.</returns>
    public static (int ExitCode, string Output) Run(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        using var registration = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
