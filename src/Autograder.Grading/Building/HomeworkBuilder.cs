using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Autograder.Grading.Sandbox;

namespace Autograder.Grading.Building;

/// <summary>Builds a student's homework sources (a copy of <c>starter/</c> anywhere on disk) into a Homework.dll the grader can load.</summary>
/// <remarks>
/// The student's project file is not used: a generated one compiles their <c>*.cs</c> files (optionally with some replaced by
/// the reference's, see <see cref="Checks.Substitution"/>) against the grader's own Autograder.Tensors, so a submission
/// uploaded without the rest of the repository builds the same, and a project file cannot add packages or build steps.
/// Builds are cached by the content of every input: grading the same sources twice builds once.
/// </remarks>
/// <param name="libraries">The folder holding Autograder.Tensors.dll and Autograder.Kernels.dll (the grader's own folder).</param>
/// <param name="cacheRoot">Where generated projects and their outputs live.</param>
public sealed partial class HomeworkBuilder(string libraries, string cacheRoot)
{
    private static readonly string[] ReferencedLibraries = ["Autograder.Tensors.dll", "Autograder.Kernels.dll"];

    /// <summary>The memory a sandboxed build may use (MSBuild and the compiler in one process tree).</summary>
    private const long BuildMemoryBytes = 4L << 30;

    private static readonly string[] Arguments =
    [
        "build", "Homework.csproj", "-c", "Release", "-nologo", "-v:q", "-clp:NoSummary", "-noAutoResponse",
        "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false",
    ];

    /// <summary>Gets a builder that references the libraries beside the running grader and caches under the temp folder.</summary>
    public static HomeworkBuilder ForCurrentProcess() => new(AppContext.BaseDirectory, Path.Combine(Path.GetTempPath(), "autograder-builds"));

    /// <summary>
    /// Gets or sets the sandbox builds run in (null: unconfined): the build folder writable, the grader's libraries and
    /// whatever the policy adds read-only, no network, MSBuild and the compiler in-process (no build server outlives it),
    /// memory and processes capped.
    /// </summary>
    public SandboxPolicy? Sandbox { get; set; }

    /// <summary>Gets or sets the longest a build may take; past it the build is stopped and reported as a compile error.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Builds <paramref name="sources"/>, with each file named in <paramref name="replacements"/> taken from its replacement instead.</summary>
    /// <param name="sources">The folder with the student's sources (bin/ and obj/ are ignored).</param>
    /// <param name="replacements">Relative path in <paramref name="sources"/> → the file to compile in its place.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public HomeworkBuild Build(string sources, IReadOnlyDictionary<string, string>? replacements = null, CancellationToken cancellationToken = default)
    {
        sources = Path.GetFullPath(sources);
        if (!Directory.Exists(sources))
        {
            throw new DirectoryNotFoundException($"The homework folder '{sources}' does not exist.");
        }

        replacements ??= new Dictionary<string, string>();
        var (files, problems) = SubmissionFiles.Find(sources);
        if (problems.Count > 0)
        {
            return new HomeworkBuild(null, problems);
        }

        if (files.Count == 0)
        {
            return new HomeworkBuild(null, [$"no .cs files in {sources}: pass the folder that holds your copy of starter/ (with A1/, A2/, …)."]);
        }

        // A replacement the sources lack is added: the student may have deleted the file. Contents are read once, here:
        // what is hashed is what is compiled.
        var inputs = files.Union(replacements.Keys).Order(StringComparer.Ordinal)
            .Select(f => (Relative: f, Content: File.ReadAllBytes(replacements.TryGetValue(f, out var replacement) ? replacement : Path.Combine(sources, f))))
            .ToList();
        _ = OperatingSystem.IsWindows() ? Directory.CreateDirectory(cacheRoot) : Directory.CreateDirectory(cacheRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = Path.Combine(cacheRoot, Key(inputs));
        var output = Path.Combine(folder, "bin", "Homework.dll");
        if (Verified(output))
        {
            return new HomeworkBuild(output, []);
        }

        // Graders running side by side (batch) may build the same sources at once: one builds, the others wait and reuse it.
        using var buildLock = BuildLock.Acquire(folder + ".lock", TimeLimit + TimeSpan.FromMinutes(1), cancellationToken);
        if (Verified(output))
        {
            return new HomeworkBuild(output, []);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The sources are copied into the build folder, so the build reads no path of the student's (no link is followed
        // out of the submission, and byte-identical submissions share a build that names neither student's folder).
        foreach (var (relative, content) in inputs)
        {
            var target = Path.Combine(folder, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        // Nothing above the build folder takes part: its own global.json and nuget.config stop the searches upwards, and
        // Directory.Build.* and response files are not imported (see Arguments).
        File.WriteAllText(Path.Combine(folder, "global.json"), "{}\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), "<configuration><packageSources><clear /></packageSources></configuration>\n");
        File.WriteAllText(Path.Combine(folder, "Homework.csproj"), ProjectFile(inputs.Select(i => i.Relative)));
        var (exitCode, log, timedOut) = Sandbox is { } policy ? SandboxedBuild(policy, folder, cancellationToken) : DotnetCli.Run(folder, Arguments, TimeLimit, cancellationToken);
        if (timedOut)
        {
            return new HomeworkBuild(null, [$"the build took longer than {TimeLimit.TotalSeconds:0} s and was stopped (very deeply nested or generic code can make the compiler this slow); simplify the code and build again."]);
        }

        if (exitCode == 0 && File.Exists(output))
        {
            File.WriteAllText(output + ".sha256", Hash(output));
            return new HomeworkBuild(output, []);
        }

        var sourceFolder = Path.Combine(folder, "src");
        var errors = ErrorLine().Matches(log).Select(m => Relative(m.Groups["line"].Value.Trim(), sourceFolder)).Distinct().ToList();
        return new HomeworkBuild(null, errors.Count > 0 ? errors : [$"the build failed (exit code {exitCode}):", .. log.Split('\n').TakeLast(10).Select(l => l.Replace(sourceFolder + "/", "", StringComparison.Ordinal))]);
    }

    /// <summary>Runs the build in bubblewrap: only the build folder writable, as the unprivileged sandbox user.</summary>
    private (int ExitCode, string Output, bool TimedOut) SandboxedBuild(SandboxPolicy policy, string folder, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("autograder-build-sandbox-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = "/tmp",
                ["DOTNET_CLI_HOME"] = "/tmp",
                ["NUGET_PACKAGES"] = "/tmp/nuget-packages",
                ["DOTNET_ROOT"] = DotnetCli.Root,
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["UseSharedCompilation"] = "false",
            };
            // Restore evaluates only the generated project (the submission's files are plain Compile items) and runs on the host:
            // in the sandbox it waits forever for what it cannot reach. The sandboxed build then compiles without restoring.
            var restore = DotnetCli.Run(folder, ["restore", "Homework.csproj", "-nologo", "-v:q", "-noAutoResponse", .. Arguments.Where(a => a.StartsWith("-p:", StringComparison.Ordinal))], TimeLimit, cancellationToken);
            if (restore.ExitCode != 0 || restore.TimedOut)
            {
                return restore;
            }

            var sandboxed = policy.With(readOnly: [Path.TrimEndingDirectorySeparator(Path.GetFullPath(libraries))], writable: [folder], environment: environment);
            var start = Bubblewrap.StartInfo(sandboxed, Path.Combine(DotnetCli.Root, "dotnet"), [.. Arguments, "--no-restore"], scratch, workingDirectory: folder);
            using var limits = ResourceLimits.Apply(start, BuildMemoryBytes, policy.ProcessLimit);
            return DotnetCli.Run(start, TimeLimit, cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Whether a cached build is there and is the one that was built (its hash was recorded when it was).</summary>
    private static bool Verified(string output) =>
        File.Exists(output) && File.Exists(output + ".sha256") && File.ReadAllText(output + ".sha256") == Hash(output);

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private string Key(IEnumerable<(string Relative, byte[] Content)> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, content) in inputs)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(SHA256.HashData(content));
        }

        foreach (var library in ReferencedLibraries)
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(libraries, library)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private string ProjectFile(IEnumerable<string> relativePaths)
    {
        var compile = string.Concat(relativePaths.Select(r => $"\n    <Compile Include=\"{Escape("src/" + r)}\" />"));
        var references = string.Concat(ReferencedLibraries.Select(l => $"\n    <Reference Include=\"{Escape(Path.Combine(libraries, l))}\" Private=\"false\" />"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Generated by the autograder to build a submission; the submission's own project file is not used. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Homework</AssemblyName>
                <RootNamespace>Homework</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <InvariantGlobalization>true</InvariantGlobalization>
                <Deterministic>true</Deterministic>
                <PathMap>$(MSBuildProjectDirectory)/src/=/submission/</PathMap>
                <DebugType>portable</DebugType>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <OutputPath>bin/</OutputPath>
                <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>{compile}{references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>Shortens "/abs/path/A1/Layers.cs(3,4): error CS1002: ; expected [/tmp/…/Homework.csproj]" to "A1/Layers.cs(3,4): error CS1002: ; expected".</summary>
    private static string Relative(string line, string sources)
    {
        line = ProjectSuffix().Replace(line, "");
        return line.StartsWith(sources, StringComparison.Ordinal) ? line[(sources.Length + 1)..] : line;
    }

    /// <summary>XML-escaped, and MSBuild's special characters (% $ @ ; ' * ?) written as %XX so a name is only ever a name.</summary>
    private static string Escape(string text) =>
        System.Security.SecurityElement.Escape(string.Concat(text.Select(c => "%$@;'*?".Contains(c, StringComparison.Ordinal) ? $"%{(int)c:X2}" : c.ToString())));

    [GeneratedRegex(@"^(?<line>.*: error [A-Z]+\d+:.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]*\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
