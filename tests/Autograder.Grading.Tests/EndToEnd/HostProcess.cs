using System.Diagnostics;
using System.Text.Json.Nodes;
using Autograder.Grading.Protocol;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Runs the built grader as a real process (<c>autograder check --out DIR</c>, or another verb) and reads its results.json.</summary>
internal static class HostProcess
{
    public sealed record GradedCheck(string Id, double Score, double MaxScore, string Tag, string Output);

    public static IReadOnlyDictionary<string, GradedCheck> Grade(WorkerCommand grader, string implementation, string? repository = null, params string[] extra) =>
        Run("check", grader, implementation, repository, extra).Results;

    /// <summary>Runs <paramref name="verb"/> (check, grade, experiments run) and returns the results and the output folder's files (path → text).</summary>
    /// <remarks>Where bubblewrap cannot run, submissions are graded with --no-sandbox (the sandbox's own tests skip there).</remarks>
    public static (IReadOnlyDictionary<string, GradedCheck> Results, IReadOnlyDictionary<string, string> Files) Run(string verb, WorkerCommand grader, string implementation, string? repository = null, params string[] extra) =>
        Run(verb, grader, implementation, repository, new Dictionary<string, string>(), extra);

    /// <summary>Like <see cref="Run(string, WorkerCommand, string, string?, string[])"/>, with more environment variables for the grader.</summary>
    public static (IReadOnlyDictionary<string, GradedCheck> Results, IReadOnlyDictionary<string, string> Files) Run(string verb, WorkerCommand grader, string implementation, string? repository, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var output = Directory.CreateTempSubdirectory("autograder-grade-").FullName;
        var start = new ProcessStartInfo(grader.FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        var unconfined = Sandbox.Bubblewrap.WhyUnavailable is not null && !extra.Contains("--no-sandbox") && verb is "check" or "grade" or "experiments run" ? new[] { "--no-sandbox" } : [];
        foreach (var argument in grader.Prefix.Concat(verb.Split(' ')).Concat(["--repo", repository ?? Repository.Root, "--impl", implementation, "--out", output]).Concat(extra).Concat(unconfined))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"grading did not complete:\n{log.Result}\n{errors.Result}");
        var read = Read(output);
        Directory.Delete(output, recursive: true);
        return read;
    }

    /// <summary>Reads a result folder: its results.json, and every file in it (path → text).</summary>
    public static (IReadOnlyDictionary<string, GradedCheck> Results, IReadOnlyDictionary<string, string> Files) Read(string output)
    {
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText);
        return (results["tests"]!.AsArray().Select(t => new GradedCheck(
            t!["number"]!.GetValue<string>(), t["score"]!.GetValue<double>(), t["max_score"]!.GetValue<double>(),
            t["tags"]![1]!.GetValue<string>(), t["output"]!.GetValue<string>())).ToDictionary(c => c.Id), files);
    }
}
