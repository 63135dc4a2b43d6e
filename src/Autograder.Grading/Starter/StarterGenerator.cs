using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grading.Starter;

/// <summary>Generates the starter from the reference: each solution region becomes a stub that throws with its hint.</summary>
/// <remarks>
/// A region opens with <c>// BEGIN SOLUTION</c> (optionally <c>(hint: …)</c>) and closes with <c>// END SOLUTION</c>, and
/// must end its method body, so that the stub <c>throw new NotImplementedException("TODO: …")</c> is the last statement
/// and the starter compiles. <c>// BEGIN SOLUTION REMOVE</c> deletes the region instead (private helpers, fields); with a hint, a
/// <c>// TODO: hint</c> comment stands in its place.
/// Everything else — signatures, XML docs, usings — is copied as is, so reference and starter keep one public API.
/// </remarks>
public static partial class StarterGenerator
{
    /// <summary>The first line of every generated file.</summary>
    public const string Banner = "// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.";

    /// <summary>Finds the solution regions of one file, or throws naming the file and line of a malformed marker.</summary>
    public static IReadOnlyList<SolutionRegion> FindRegions(string path, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var regions = new List<SolutionRegion>();
        SolutionRegion? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var begin = BeginPattern().Match(lines[i]);
            if (begin.Success)
            {
                if (open is not null)
                {
                    throw new FormatException($"{path}({i + 1}): BEGIN SOLUTION inside the region opened at line {open.BeginLine}; close it first with // END SOLUTION.");
                }

                open = new SolutionRegion(i + 1, 0, begin.Groups["indent"].Value, begin.Groups["hint"].Value.Trim(), begin.Groups["remove"].Success);
            }
            else if (EndPattern().IsMatch(lines[i]))
            {
                if (open is null)
                {
                    throw new FormatException($"{path}({i + 1}): END SOLUTION without a BEGIN SOLUTION before it.");
                }

                regions.Add(open with { EndLine = i + 1 });
                open = null;
            }
        }

        if (open is not null)
        {
            throw new FormatException($"{path}({open.BeginLine}): BEGIN SOLUTION is never closed; add // END SOLUTION at the end of the solution.");
        }

        return regions;
    }

    /// <summary>Returns the starter text of one reference file.</summary>
    public static string Transform(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var regions = FindRegions(path, lines);
        var output = new StringBuilder(Banner).Append('\n');
        var line = 0;
        foreach (var region in regions)
        {
            for (; line < region.BeginLine - 1; line++)
            {
                output.Append(lines[line]).Append('\n');
            }

            if (region.Remove && region.Hint.Length > 0)
            {
                output.Append(region.Indent).Append("// TODO: ").Append(region.Hint).Append('\n');
            }
            else if (!region.Remove)
            {
                var hint = region.Hint.Length > 0 ? region.Hint.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) : "implement this";
                output.Append(region.Indent).Append("throw new NotImplementedException(\"TODO: ").Append(hint).Append("\");\n");
            }

            line = region.EndLine;
        }

        for (; line < lines.Length; line++)
        {
            output.Append(lines[line]);
            if (line < lines.Length - 1)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>The starter's files (relative path → text) generated from a reference folder: its C# sources and project file.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string referenceRoot)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(referenceRoot, "*", SearchOption.AllDirectories).Where(p => IsSource(referenceRoot, p)))
        {
            var relative = Path.GetRelativePath(referenceRoot, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            files[relative] = relative.EndsWith(".cs", StringComparison.Ordinal) ? Transform(relative, text) : StarterProject(text);
        }

        return files;
    }

    /// <summary>Writes the generated starter over <paramref name="starterRoot"/>, deleting generated files the reference no longer has.</summary>
    /// <returns>The relative paths written or deleted.</returns>
    public static IReadOnlyList<string> Sync(string referenceRoot, string starterRoot)
    {
        var generated = Generate(referenceRoot);
        var changed = new List<string>();
        foreach (var (relative, text) in generated)
        {
            var target = Path.Combine(starterRoot, relative);
            if (!File.Exists(target) || File.ReadAllText(target) != text)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
                changed.Add(relative);
            }
        }

        if (Directory.Exists(starterRoot))
        {
            foreach (var path in Directory.EnumerateFiles(starterRoot, "*", SearchOption.AllDirectories).Where(p => IsSource(starterRoot, p)).ToList())
            {
                var relative = Path.GetRelativePath(starterRoot, path).Replace('\\', '/');
                if (!generated.ContainsKey(relative))
                {
                    File.Delete(path);
                    changed.Add(relative);
                }
            }
        }

        return changed;
    }

    /// <summary>Lists the differences between the committed starter and the one the reference generates (empty when in sync).</summary>
    public static IReadOnlyList<string> Verify(string referenceRoot, string starterRoot)
    {
        var generated = Generate(referenceRoot);
        var problems = new List<string>();
        foreach (var (relative, text) in generated)
        {
            var target = Path.Combine(starterRoot, relative);
            if (!File.Exists(target))
            {
                problems.Add($"{relative}: missing from the starter");
            }
            else if (File.ReadAllText(target) is var actual && actual != text)
            {
                problems.Add($"{relative}: differs from the generated starter (first difference at line {FirstDifference(actual, text)})");
            }
        }

        if (Directory.Exists(starterRoot))
        {
            problems.AddRange(Directory.EnumerateFiles(starterRoot, "*", SearchOption.AllDirectories)
                .Where(p => IsSource(starterRoot, p))
                .Select(p => Path.GetRelativePath(starterRoot, p).Replace('\\', '/'))
                .Where(r => !generated.ContainsKey(r))
                .Select(r => $"{r}: in the starter but not generated from the reference"));
        }

        return problems;
    }

    /// <summary>
    /// The starter's project file: the reference's, graded on build, with the tensor library referenced as built assemblies
    /// (Directory.Build.targets builds it, and the grader, only when their sources are newer than their builds).
    /// </summary>
    private static string StarterProject(string referenceProject) => referenceProject
        .Replace("<!-- The reference solution. starter/ is generated from it (autograder starter sync); edit here, never there. -->",
            "<!-- The starter: generated from reference/ by 'autograder starter sync'. Fill in the TODOs; dotnet build grades them. -->", StringComparison.Ordinal)
        .Replace("    <!-- The reference is graded by the tests, not on every build (the grader is built after it). -->\n    <Autograde>false</Autograde>\n",
            "    <!-- The tensor library as built assemblies, not projects, and the grader built only when out of date\n         (Directory.Build.targets): an edit here does not walk the grader, the reference and every library. -->\n    <HomeworkLibrariesAsAssemblies>true</HomeworkLibrariesAsAssemblies>\n", StringComparison.Ordinal)
        .Replace("  <ItemGroup>\n    <ProjectReference Include=\"../src/Autograder.Tensors/Autograder.Tensors.csproj\" />\n  </ItemGroup>\n", "", StringComparison.Ordinal);

    private static bool IsSource(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return (relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".csproj", StringComparison.Ordinal))
            && !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        var i = 0;
        while (i < Math.Min(x.Length, y.Length) && x[i] == y[i])
        {
            i++;
        }

        return i + 1;
    }

    [GeneratedRegex(@"^(?<indent>\s*)// BEGIN SOLUTION(?<remove> REMOVE)?\s*(\((?:hint:)?(?<hint>.*)\))?\s*$")]
    private static partial Regex BeginPattern();

    [GeneratedRegex(@"^\s*// END SOLUTION\s*$")]
    private static partial Regex EndPattern();
}
