namespace Autograder.Host;

/// <summary>Turns <c>--impl reference|starter|PATH</c> into the Homework.dll to grade.</summary>
internal static class HomeworkLocator
{
    /// <summary>Like <see cref="Resolve"/>, but null when the implementation is absent or not built (e.g. no reference in a student's bundle).</summary>
    public static string? TryResolve(RepositoryPaths paths, string implementation)
    {
        try
        {
            return Resolve(paths, implementation);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Returns the newest built Homework.dll of a project folder, or the given .dll path; throws saying how to build it.</summary>
    public static string Resolve(RepositoryPaths paths, string implementation)
    {
        var folder = implementation switch
        {
            "reference" => paths.Reference,
            "starter" => paths.Starter,
            _ => Path.GetFullPath(implementation),
        };
        if (folder.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(folder) ? folder : throw new FileNotFoundException($"'{folder}' does not exist.", folder);
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The implementation '{implementation}' is not a folder or a Homework.dll ({folder}).");
        }

        var bin = Path.Combine(folder, "bin");
        var built = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "Homework.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return built ?? throw new FileNotFoundException($"No built Homework.dll under {bin}. Build it first: dotnet build {Path.GetRelativePath(Directory.GetCurrentDirectory(), folder)}");
    }
}
