using System.Text.RegularExpressions;

namespace Autograder.Grading.Building;

/// <summary>The C# files of a submission folder, found without following links, with names a build takes only as names.</summary>
/// <remarks>
/// A link (<c>A1 -> ../reference/A1</c>) would compile someone else's code as the student's; a name holding MSBuild's
/// special characters (<c>$(…)</c>, <c>%2F</c>, <c>;</c>) would be expanded by the build. Both are refused with a message
/// that says what to rename or replace, before anything is built.
/// </remarks>
public static partial class SubmissionFiles
{
    /// <summary>The relative paths (with '/') of the .cs files under <paramref name="folder"/>, and what is wrong with the folder, if anything.</summary>
    /// <param name="folder">The submission; its top-level bin/ and obj/ and hidden folders (.git, .vs) are skipped.</param>
    public static (List<string> Files, List<string> Problems) Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = new List<string>();
        var problems = new List<string>();
        Walk(new DirectoryInfo(folder), "", files, problems);
        files.Sort(StringComparer.Ordinal);
        return (files, problems);
    }

    private static void Walk(DirectoryInfo directory, string prefix, List<string> files, List<string> problems)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = prefix + entry.Name;
            var isDirectory = entry is DirectoryInfo;
            if (isDirectory && (entry.Name.StartsWith('.') || (prefix.Length == 0 && entry.Name is "bin" or "obj")))
            {
                continue;
            }

            if (entry.LinkTarget is not null)
            {
                if (isDirectory || entry.Name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{relative} is a symbolic link: a submission holds plain files only. Replace the link with the file{(isDirectory ? "s" : "")} it points to.");
                }

                continue;
            }

            if (isDirectory)
            {
                Walk((DirectoryInfo)entry, relative + "/", files, problems);
            }
            else if (entry.Name.EndsWith(".cs", StringComparison.Ordinal))
            {
                if (relative.Split('/').Any(part => !SafeName().IsMatch(part)))
                {
                    problems.Add($"{relative}: the name holds characters a build cannot take as a plain name (only letters, digits, spaces and _ - . + are allowed). Rename it.");
                }
                else
                {
                    files.Add(relative);
                }
            }
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_ .+\-]*$")]
    private static partial Regex SafeName();
}
