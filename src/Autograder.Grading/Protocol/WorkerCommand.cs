namespace Autograder.Grading.Protocol;

/// <summary>How to start a worker process: the executable and the arguments before the worker's own.</summary>
/// <param name="FileName">The program to run (the autograder apphost, or dotnet).</param>
/// <param name="Prefix">Arguments that come first (e.g. the path of autograder.dll when run through dotnet).</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The command that reruns the current program (apphost or <c>dotnet app.dll</c>).</summary>
    public static WorkerCommand ForCurrentProcess()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown; cannot start a worker.");
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location ?? "";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? new WorkerCommand(process, [entry]) : new WorkerCommand(process, []);
    }
}
