using Autograder.Grading.Building;

namespace Autograder.Host;

/// <summary>Turns <c>--impl reference|starter|FOLDER|Homework.dll</c> into the implementation to grade.</summary>
/// <remarks>
/// reference and starter are the repository's projects, built by the solution build (their newest bin/ output is used).
/// Any other folder is a student's copy of starter/: it is built first (cached by content), and a compile error is a result,
/// not a failure of the grader.
/// </remarks>
internal static class HomeworkLocator
{
    /// <summary>Like <see cref="Resolve"/>, but null when the implementation is absent or not built (e.g. no reference in a student's bundle).</summary>
    public static string? TryResolve(RepositoryPaths paths, string implementation)
    {
        try
        {
            return Resolve(paths, implementation, null).Homework;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Finds or builds the implementation; throws, saying what to do, when it cannot be found.</summary>
    public static Implementation Resolve(RepositoryPaths paths, string implementation, HomeworkBuilder? builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(implementation);
        var path = implementation switch
        {
            "reference" => paths.Reference,
            "starter" => paths.Starter,
            _ => Path.GetFullPath(implementation),
        };
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(path)
                ? new Implementation(implementation, path, ProjectAbove(path), [])
                : throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The implementation '{implementation}' is not a folder or a Homework.dll ({path}).");
        }

        if (implementation is "reference" or "starter" || builder is null)
        {
            var bin = Path.Combine(path, "bin");
            var built = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, "Homework.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                : null;
            return built is not null
                ? new Implementation(implementation, built, path, [])
                : throw new FileNotFoundException($"No built Homework.dll under {bin}. Build it first: dotnet build {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        }

        var build = builder.Build(path, cancellationToken: cancellationToken);
        return new Implementation(implementation, build.Homework, path, build.Errors);
    }

    /// <summary>The project folder of a built dll (bin/Release/net10.0/Homework.dll → the folder with Homework.csproj), if there is one.</summary>
    private static string? ProjectAbove(string dll)
    {
        for (var folder = Path.GetDirectoryName(dll); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Homework.csproj")))
            {
                return folder;
            }
        }

        return null;
    }
}
