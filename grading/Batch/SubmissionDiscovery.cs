using System.Text;

namespace Autograder.Host.Batch;

/// <summary>
/// Finds the submissions in a batch's input: one folder or zip per student (the name is the student's id), or a Gradescope
/// export (a folder or zip holding <c>submission_metadata.yml</c> and <c>submission_N/</c> folders).
/// </summary>
internal static class SubmissionDiscovery
{
    /// <summary>The submissions under <paramref name="input"/>, ordered by id; a zipped Gradescope export is extracted into <paramref name="work"/> first.</summary>
    /// <exception cref="DirectoryNotFoundException">The input does not exist.</exception>
    /// <exception cref="InvalidDataException">The input holds no submissions, or a Gradescope export is malformed.</exception>
    public static IReadOnlyList<Submission> Find(string input, string work)
    {
        input = Path.GetFullPath(input);
        if (File.Exists(input) && input.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var extracted = Path.Combine(work, "export");
            SubmissionArchive.Extract(input, extracted, keepAllFiles: true);
            input = extracted;
        }

        if (!Directory.Exists(input))
        {
            throw new DirectoryNotFoundException($"The submissions folder '{input}' does not exist. Give a folder with one folder or zip per student, or a Gradescope export.");
        }

        var found = GradescopeExport.TryRead(input) ?? Entries(input);
        if (found.Count == 0)
        {
            throw new InvalidDataException($"No submissions in '{input}': expected one folder or .zip per student (named by the student's id), or a Gradescope export with submission_metadata.yml.");
        }

        return Unique(found);
    }

    /// <summary>A file-name-safe id: letters, digits and <c>. _ - @</c> kept, anything else replaced by <c>_</c>.</summary>
    public static string SafeId(string text)
    {
        var safe = new StringBuilder();
        foreach (var c in text.Trim())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' || (c == '.' && safe.Length > 0) ? c : '_');
        }

        return safe.Length == 0 ? "_" : safe.ToString(0, Math.Min(safe.Length, 80));
    }

    private static List<Submission> Entries(string input)
    {
        var folders = Directory.EnumerateDirectories(input).Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => new Submission(SafeId(Path.GetFileName(d)), Path.GetFileName(d), d));
        var zips = Directory.EnumerateFiles(input, "*.zip")
            .Select(z => new Submission(SafeId(Path.GetFileNameWithoutExtension(z)), Path.GetFileNameWithoutExtension(z), z));
        return [.. folders.Concat(zips)];
    }

    /// <summary>Orders by id and makes ids unique (a second <c>alice</c> becomes <c>alice-2</c>), so no result folder is shared.</summary>
    private static List<Submission> Unique(IEnumerable<Submission> found)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<Submission>();
        foreach (var submission in found.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Source, StringComparer.Ordinal))
        {
            var id = submission.Id;
            for (var n = 2; !seen.Add(id); n++)
            {
                id = $"{submission.Id}-{n}";
            }

            unique.Add(submission with { Id = id });
        }

        return unique;
    }
}
