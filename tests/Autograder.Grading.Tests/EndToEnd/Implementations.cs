using System.Diagnostics;
using Autograder.Grading.Protocol;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Builds variants of the reference (one solution region replaced) into temporary Homework projects, and finds the built grader.</summary>
internal static class Implementations
{
    public static string Configuration { get; } = TestContext.CurrentContext.TestDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The worker command of the grader built beside the tests (grading/bin/CONFIG/net10.0/autograder.dll).</summary>
    public static WorkerCommand Grader()
    {
        var dll = Path.Combine(Repository.Root, "grading", "bin", Configuration, "net10.0", "autograder.dll");
        if (!File.Exists(dll))
        {
            Assert.Ignore($"The grader is not built at {dll}; build the solution first (dotnet build -c {Configuration}).");
        }

        return new WorkerCommand("dotnet", [dll]);
    }

    /// <summary>The reference's built Homework.dll.</summary>
    public static string Reference() => Built(Path.Combine(Repository.Root, "reference"));

    /// <summary>Copies the reference, replaces the body of each named method's solution region, builds, and returns the Homework.dll.</summary>
    public static string Variant(string name, IReadOnlyDictionary<string, string> bodies) => VariantBuild(name, bodies, autograde: false).Homework;

    /// <summary>Like <see cref="Variant"/>, with the build's autograding on: returns the Homework.dll and the build's output.</summary>
    public static (string Homework, string Output) VariantBuild(string name, IReadOnlyDictionary<string, string> bodies, bool autograde, params string[] properties)
    {
        var root = Path.Combine(Path.GetTempPath(), "autograder-variants", name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        foreach (var source in Directory.EnumerateFiles(Path.Combine(Repository.Root, "reference"), "*.cs*", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Path.Combine(Repository.Root, "reference"), source);
            var text = File.ReadAllText(source);
            foreach (var (method, body) in bodies.Where(b => !b.Key.Contains('.', StringComparison.Ordinal) || b.Key.StartsWith(Path.GetFileNameWithoutExtension(source) + ".", StringComparison.Ordinal)))
            {
                text = Replace(text, method[(method.IndexOf('.', StringComparison.Ordinal) + 1)..], body);
            }

            text = text.Replace("../src/", Path.Combine(Repository.Root, "src") + "/", StringComparison.Ordinal);
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"<Project><Import Project=\"{Path.Combine(Repository.Root, "Directory.Build.props")}\" /><PropertyGroup><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), $"<Project><Import Project=\"{Path.Combine(Repository.Root, "Directory.Packages.props")}\" /></Project>");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), $"<Project><Import Project=\"{Path.Combine(Repository.Root, "Directory.Build.targets")}\" /></Project>");
        string[] arguments = ["build", root, "-c", Configuration, "-nologo", $"-p:Autograde={(autograde ? "true" : "false")}", .. properties.Select(p => $"-p:{p}")];
        var build = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        build.WaitForExit();
        var log = output.Result + errors.Result;
        if (properties.Length == 0)
        {
            Assert.That(build.ExitCode, Is.Zero, $"building the variant failed:\n{log}");
        }

        return (Built(root), log);
    }

    private static string Built(string project) =>
        Directory.EnumerateFiles(Path.Combine(project, "bin", Configuration), "Homework.dll", SearchOption.AllDirectories).FirstOrDefault()
        ?? throw new InvalidOperationException($"Homework.dll is not built under {project}/bin/{Configuration}; build the solution first.");

    /// <summary>Writes a submission as a student uploads it: the C# files of reference/ or starter/ (no project, no build output), with the named methods' solution regions replaced.</summary>
    public static string Sources(string target, string project = "reference", IReadOnlyDictionary<string, string>? bodies = null)
    {
        var root = Path.Combine(Repository.Root, project);
        foreach (var source in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(p => !Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
        {
            var text = File.ReadAllText(source);
            foreach (var (method, body) in bodies ?? new Dictionary<string, string>())
            {
                text = Replace(text, method, body);
            }

            var destination = Path.Combine(target, Path.GetRelativePath(root, source));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.WriteAllText(destination, text);
        }

        return target;
    }

    /// <summary>The reference's solution body of <paramref name="method"/> in <paramref name="file"/> (relative to reference/), for mutants that change one line of it.</summary>
    public static string ReferenceBody(string file, string method)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "reference", file));
        var begin = text.IndexOf('\n', text.IndexOf("// BEGIN SOLUTION", text.IndexOf($" {method}(", StringComparison.Ordinal), StringComparison.Ordinal)) + 1;
        return text[begin..text.IndexOf("// END SOLUTION", begin, StringComparison.Ordinal)];
    }

    /// <summary>Replaces the solution region inside the named method with <paramref name="body"/> (a key "File.Method" limits it to one file).</summary>
    private static string Replace(string text, string method, string body)
    {
        var start = text.IndexOf($" {method}(", StringComparison.Ordinal);
        var begin = start < 0 ? -1 : text.IndexOf("// BEGIN SOLUTION", start, StringComparison.Ordinal);
        if (begin < 0)
        {
            return text;
        }

        var end = text.IndexOf("// END SOLUTION", begin, StringComparison.Ordinal);
        return text[..begin] + body + "\n" + text[end..];
    }
}
