using System.Text.RegularExpressions;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// The README's main command, run once per test run exactly as a new user runs it: in a fresh copy of the repository (its
/// tracked and new files, no build output) placed where no <c>../shared</c> exists, with <c>AUTOGRADER_DATA</c> unset and an
/// empty data cache, so that only what ships in the repository (and the NuGet packages it restores) can serve it.
/// The report and experiment tests read its <c>out/</c> folder; the copy is deleted when the run ends.
/// </summary>
internal static partial class FreshClone
{
    private static readonly Lazy<MainCommandRun> Run = new(Execute, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _root;

    /// <summary>What the main command did: its exit code, everything it printed, and the clone it ran in.</summary>
    /// <param name="ExitCode">The shell's exit code.</param>
    /// <param name="Output">stdout and stderr.</param>
    /// <param name="Folder">The fresh copy of the repository.</param>
    /// <param name="Command">The command line, as README.md gives it.</param>
    public sealed record MainCommandRun(int ExitCode, string Output, string Folder, string Command)
    {
        /// <summary>Gets the folder the command wrote its results to.</summary>
        public string Out => Path.Combine(Folder, "out");
    }

    /// <summary>Gets the run (made on first use).</summary>
    public static MainCommandRun Main => Run.Value;

    /// <summary>The environment of a new user: no data folder set, an empty cache, and no build servers left behind by the run.</summary>
    public static IReadOnlyDictionary<string, string?> Environment(string cache) => new Dictionary<string, string?>
    {
        ["AUTOGRADER_DATA"] = null,
        ["AUTOGRADER_CACHE"] = cache,
        // Build servers would outlive the command and hold its output pipes open.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    /// <summary>The main command as README.md gives it under "The two commands": the line that builds the solution and grades the reference.</summary>
    public static string ReadmeMainCommand()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## The two commands", StringComparison.Ordinal)..];
        var match = MainCommandLine().Match(section);
        return match.Success ? match.Value.Trim() : throw new InvalidOperationException("README.md has no 'dotnet build Autograder.sln … grade …' line under 'The two commands'.");
    }

    /// <summary>Deletes the copy, if one was made.</summary>
    public static void Delete()
    {
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static MainCommandRun Execute()
    {
        _root = Directory.CreateTempSubdirectory("autograder-fresh-").FullName;
        var clone = Path.Combine(_root, "autograder");
        foreach (var file in SourceFiles())
        {
            var target = Path.Combine(clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repository.Root, file), target);
        }

        var command = ReadmeMainCommand();
        var cache = Path.Combine(_root, "cache");
        Directory.CreateDirectory(cache);
        var (exitCode, output) = ChildProcess.Run("bash", ["-c", command], clone, Environment(cache));
        return new MainCommandRun(exitCode, output, clone, command);
    }

    /// <summary>The repository's files as a clone has them: what git tracks plus new files it does not ignore; without git, everything but build output.</summary>
    private static IEnumerable<string> SourceFiles()
    {
        try
        {
            var (listed, files) = ChildProcess.Run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], Repository.Root);
            if (listed == 0)
            {
                return files.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(Repository.Root, f)));
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: copy the tree instead.
        }

        string[] generated = ["bin", "obj", ".git", "out", "TestResults", "BenchmarkDotNet.Artifacts"];
        return Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(generated.Contains) && !f.StartsWith(Path.Combine("reports", "out"), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^dotnet build Autograder\.sln .*grade .*$", RegexOptions.Multiline)]
    private static partial Regex MainCommandLine();
}
