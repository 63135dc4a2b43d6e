using System.Security.Cryptography;
using System.Text;

namespace Autograder.Host.Batch;

/// <summary>Turns a submission into the folder to build (a zip extracted, a wrapping folder looked through), and fingerprints it.</summary>
internal static class SubmissionFolder
{
    /// <summary>The folder holding the student's sources: a zip is extracted into <paramref name="work"/> first.</summary>
    /// <exception cref="InvalidDataException">A zip that cannot be extracted safely (the message says why).</exception>
    public static string Prepare(Submission submission, string work)
    {
        var folder = submission.Source;
        if (submission.IsZip)
        {
            folder = Path.Combine(work, "sources", submission.Id);
            SubmissionArchive.Extract(submission.Source, folder, keepAllFiles: false);
        }

        return Root(folder);
    }

    /// <summary>
    /// A fingerprint of what would be graded, and how: every file of the submission (path and content; links are not
    /// followed) and the batch's settings. A result whose fingerprint still matches need not be graded again.
    /// </summary>
    public static string Fingerprint(Submission submission, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settings + "\n"));
        if (File.Exists(submission.Source))
        {
            using var stream = File.OpenRead(submission.Source);
            hash.AppendData(SHA256.HashData(stream));
        }
        else if (Directory.Exists(submission.Source))
        {
            var files = new DirectoryInfo(submission.Source).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
                .Select(f => (Relative: Path.GetRelativePath(submission.Source, f.FullName), File: f))
                .Where(f => !f.Relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" || p.StartsWith('.')))
                .OrderBy(f => f.Relative, StringComparer.Ordinal);
            foreach (var (relative, file) in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
                hash.AppendData(Encoding.UTF8.GetBytes(Content(file.FullName)));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The hash of a file's content, or a marker when it cannot be read (the build reports that file).</summary>
    private static string Content(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    /// <summary>
    /// Where the sources start: the folder of the one Homework.csproj inside, else through folders that only wrap another
    /// folder (a zip of <c>starter/</c>), else the folder itself.
    /// </summary>
    private static string Root(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var projects = Directory.EnumerateFiles(folder, "Homework.csproj", options)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" || s.StartsWith('.')))
            .Take(2).ToList();
        if (projects.Count == 1)
        {
            return Path.GetDirectoryName(projects[0])!;
        }

        while (Directory.GetFiles(folder).Length == 0 && Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList() is [var only]
               && new DirectoryInfo(only).LinkTarget is null)
        {
            folder = only;
        }

        return folder;
    }
}
