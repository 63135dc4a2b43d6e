using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

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

    /// <summary>Gets a builder that references the libraries beside the running grader and caches under the temp folder.</summary>
    public static HomeworkBuilder ForCurrentProcess() => new(AppContext.BaseDirectory, Path.Combine(Path.GetTempPath(), "autograder-builds"));

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
        var files = SourceFiles(sources);
        if (files.Count == 0)
        {
            return new HomeworkBuild(null, [$"no .cs files in {sources}: pass the folder that holds your copy of starter/ (with A1/, A2/, …)."]);
        }

        // A replacement the sources lack is added: the student may have deleted the file.
        var inputs = files.Union(replacements.Keys).Order(StringComparer.Ordinal)
            .Select(f => replacements.TryGetValue(f, out var replacement) ? (f, Path.GetFullPath(replacement)) : (f, Path.Combine(sources, f)))
            .ToList();
        var folder = Path.Combine(cacheRoot, Key(inputs));
        var output = Path.Combine(folder, "bin", "Homework.dll");
        if (File.Exists(output))
        {
            return new HomeworkBuild(output, []);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Homework.csproj"), ProjectFile(inputs));
        var (exitCode, log) = DotnetCli.Run(folder, ["build", "Homework.csproj", "-c", "Release", "-nologo", "-v:q", "-clp:NoSummary"], cancellationToken);
        if (exitCode == 0 && File.Exists(output))
        {
            return new HomeworkBuild(output, []);
        }

        var errors = ErrorLine().Matches(log).Select(m => Relative(m.Groups["line"].Value.Trim(), sources)).Distinct().ToList();
        return new HomeworkBuild(null, errors.Count > 0 ? errors : [$"the build failed (exit code {exitCode}):", .. log.Split('\n').TakeLast(10)]);
    }

    private static List<string> SourceFiles(string sources) =>
        [.. Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sources, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private string Key(IEnumerable<(string Relative, string Path)> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, path) in inputs)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }

        foreach (var library in ReferencedLibraries)
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(libraries, library)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private string ProjectFile(IEnumerable<(string Relative, string Path)> inputs)
    {
        var compile = string.Concat(inputs.Select(i => $"\n    <Compile Include=\"{Escape(i.Path)}\" Link=\"{Escape(i.Relative)}\" />"));
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

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    [GeneratedRegex(@"^(?<line>.*: error [A-Z]+\d+:.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s*\[[^\]]*\.csproj\]\s*$")]
    private static partial Regex ProjectSuffix();
}
