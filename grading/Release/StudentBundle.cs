using Autograder.Grading.Building;

namespace Autograder.Host.Release;

/// <summary>
/// Writes the student bundle: the repository without the reference, the hidden checks, the grader's own tests and the
/// benchmarks. The host in the bundle compiles against a copy of the starter's API (grading/HomeworkApi), so the bundle
/// builds, grades the starter on every build, and runs the public checks as IDE tests.
/// </summary>
internal static class StudentBundle
{
    /// <summary>What goes in, relative to the repository root: files, and folders copied whole (minus build output).</summary>
    private static readonly string[] Included =
    [
        "global.json", "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets", ".editorconfig",
        "BannedSymbols.txt", ".gitignore", "src", "starter", "grading", "data", "tests/Homework.Tests",
    ];

    /// <summary>Path fragments never copied: build output, hidden checks, data-making scripts.</summary>
    private static readonly string[] Excluded = ["/bin/", "/obj/", "/Hidden/", "data/tools/", "grading/HomeworkApi/"];

    /// <summary>Writes the bundle into <paramref name="target"/> (which must not exist or be empty) and returns the number of files written.</summary>
    public static int Write(RepositoryPaths paths, string target)
    {
        ArgumentNullException.ThrowIfNull(paths);
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"'{target}' is not empty; choose a new folder (nothing was written).");
        }

        var files = Included.SelectMany(entry => Expand(paths.Root, entry)).Where(f => !Excluded.Any(e => ("/" + f).Contains(e, StringComparison.Ordinal))).ToList();
        foreach (var file in files)
        {
            Copy(Path.Combine(paths.Root, file), Path.Combine(target, file));
        }

        // The API the bundle's host compiles against: the released starter itself.
        var api = Path.Combine(target, "grading", "HomeworkApi");
        foreach (var source in files.Where(f => f.StartsWith("starter/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            Copy(Path.Combine(paths.Root, source), Path.Combine(api, source["starter/".Length..]));
        }

        File.WriteAllText(Path.Combine(api, "Homework.csproj"), ApiProject);
        File.WriteAllText(Path.Combine(target, "README.md"), StudentReadme);
        Directory.CreateDirectory(Path.Combine(target, ".github", "workflows"));
        File.WriteAllText(Path.Combine(target, ".github", "workflows", "grade.yml"), GradeWorkflow);
        WriteSolution(target);
        Verify(target);
        return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Count();
    }

    private static IEnumerable<string> Expand(string root, string entry)
    {
        var path = Path.Combine(root, entry);
        if (File.Exists(path))
        {
            return [entry];
        }

        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    /// <summary>Refuses a bundle that would leak: a solution region in homework code, or a hidden check outside a Hidden/ folder.</summary>
    private static void Verify(string target)
    {
        var homework = new[] { "starter", Path.Combine("grading", "HomeworkApi") }.SelectMany(f => Directory.EnumerateFiles(Path.Combine(target, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => File.ReadAllText(f).Contains("// BEGIN SOLUTION", StringComparison.Ordinal));
        var hidden = Directory.EnumerateFiles(Path.Combine(target, "grading", "Checks"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Visibility.Hidden", StringComparison.Ordinal));
        if (homework.Concat(hidden).FirstOrDefault() is { } leak)
        {
            Directory.Delete(target, recursive: true);
            throw new InvalidOperationException($"Refusing to release: {Path.GetRelativePath(target, leak)} holds a solution region or a hidden check (hidden checks belong in a Hidden/ folder). Nothing was written.");
        }
    }

    private static void WriteSolution(string target)
    {
        Run(target, "new", "sln", "--name", "Autograder", "--format", "sln");
        var projects = Directory.EnumerateFiles(target, "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(target, p)).Order(StringComparer.Ordinal).ToArray();
        Run(target, ["sln", "Autograder.sln", "add", .. projects]);
    }

    private static void Run(string folder, params string[] arguments)
    {
        var (exitCode, output) = DotnetCli.Run(folder, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {output}");
        }
    }

    private const string ApiProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- Generated by 'autograder release': the homework's public API as released, which the grader compiles against.
               Never edited, never graded; your work goes in starter/. -->
          <PropertyGroup>
            <AssemblyName>Homework</AssemblyName>
            <RootNamespace>Homework</RootNamespace>
            <Autograde>false</Autograde>
            <!-- Built as the starter is: its stubs keep the usings the solution needs, which style rules would reject. -->
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
            <RunAnalyzersDuringBuild>false</RunAnalyzersDuringBuild>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Autograder.Tensors/Autograder.Tensors.csproj" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// The GitHub Actions workflow of a student's repository (GitHub Classroom): on every push, the build and the public
    /// checks, the score table in the run's summary, the result files attached to the run.
    /// </summary>
    private const string GradeWorkflow = """
        # Grades your work on every push (GitHub Classroom): the public checks, as 'dotnet build' does on your machine.
        # The score table is on the run's summary page; results.json, junit.xml and summary.md are attached to the run.
        # Written by 'autograder release'.
        name: Grade
        on:
          push:
          workflow_dispatch:
        permissions:
          contents: read
        jobs:
          grade:
            runs-on: ubuntu-latest
            timeout-minutes: 30
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  global-json-file: global.json
              - name: Build
                run: dotnet build -c Release -p:Autograde=false
              - name: Grade
                run: dotnet run -c Release --no-build --project grading -- check --impl starter --out out
              - name: Summary
                if: always()
                run: cat out/summary.md >> "$GITHUB_STEP_SUMMARY"
              - uses: actions/upload-artifact@v4
                if: always()
                with:
                  name: results
                  path: out/

        """;

    private const string StudentReadme = """
        # Deep-learning homework (C#)

        Your work goes in `starter/`: every method that throws `NotImplementedException("TODO: …")` is yours to write.
        You need the .NET 10 SDK.

        ```bash
        dotnet build                      # builds and grades: a score table, and a warning at each failing method
        dotnet watch --project starter build   # the same on every save (Ctrl+C to stop)
        dotnet test tests/Homework.Tests  # the public checks as tests (debug them in your IDE's test explorer)
        dotnet run --project grading -- check --only a1.fc_backward   # one check, with its message
        dotnet run --project grading -- experiments run --quick       # the training experiments, on the bundled data
        ```

        A failing check prints its seed and the command that replays it. Untouched stubs count as "not attempted".
        Compiler warnings (an unused variable in a half-written method) stay warnings: your code is graded whenever it compiles.
        The graded run also has hidden checks (the same functions on inputs drawn for you) and the full experiments,
        so make your code right, not just the public checks green. Data sets: `dotnet run --project grading -- data list`.
        On GitHub (GitHub Classroom), `.github/workflows/grade.yml` runs the public checks on every push and puts the score
        table on the run's summary page.
        """;
}
