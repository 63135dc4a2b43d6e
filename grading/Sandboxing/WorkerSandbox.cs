using Autograder.Grading.Building;
using Autograder.Data.Catalog;
using Autograder.Data.Pretrained;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Host.Checks;
using Autograder.Grading.Sandbox;

namespace Autograder.Host.Sandboxing;

/// <summary>What a worker may see: the grader's own build and the .NET runtime, read-only, and the data sets experiments read; nothing else.</summary>
/// <remarks>
/// Not the repository (reference sources and builds, fixtures, hidden checks' sources, .git), not the output folder, not the
/// build cache, not the home folder, not other submissions. The grader's appsettings.json is shown empty: it may hold the
/// course's hidden-seed secret. The feature cache is read-only, so one submission cannot poison another's features.
/// </remarks>
internal static class WorkerSandbox
{
    private const string SandboxPackages = "/opt/nuget-packages";
    private const string SandboxCache = "/opt/autograder-cache";

    /// <summary>The policy for workers of this run.</summary>
    /// <param name="settings">The run's settings (the repository, whose data roots are bound; a --predict file).</param>
    public static SandboxPolicy For(IReadOnlyDictionary<string, string> settings)
    {
        var grader = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var dotnetRoot = DotnetRoot();
        var packages = PretrainedResNet.PackageRoot;
        var readOnly = new List<string> { grader };
        if (!dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal))
        {
            readOnly.Add(dotnetRoot);
        }

        readOnly.AddRange(ExperimentDataRoots(settings).Where(r => Directory.Exists(r) && r != DataLocator.DefaultCache));
        // The one NuGet package workers read (A4's pretrained ResNet), in a package folder of its own.
        var resnet = PretrainedResNet.PackageId.ToLowerInvariant();
        var readOnlyAt = new Dictionary<string, string>();
        if (Directory.Exists(Path.Combine(packages, resnet)))
        {
            readOnlyAt[$"{SandboxPackages}/{resnet}"] = Path.Combine(packages, resnet);
        }

        // The download and feature cache, read-only: a worker cannot leave poisoned features for the next submission.
        if (Directory.Exists(DataLocator.DefaultCache))
        {
            readOnlyAt[SandboxCache] = DataLocator.DefaultCache;
        }

        // Data files that hold answers the worker must not read are shown as the host's view of them, answers taken out.
        foreach (var (path, view) in WorkerViews(settings))
        {
            readOnlyAt[path] = ViewFile(path, view);
        }

        if (settings.TryGetValue(RunSettings.Predict, out var predict) && File.Exists(predict))
        {
            readOnly.Add(predict);
        }

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = "/tmp",
            ["TMPDIR"] = "/tmp",
            ["DOTNET_ROOT"] = dotnetRoot,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["NO_COLOR"] = "1",
            ["NUGET_PACKAGES"] = SandboxPackages,
            ["AUTOGRADER_CACHE"] = SandboxCache,
        };
        if (Environment.GetEnvironmentVariable("AUTOGRADER_DATA") is { Length: > 0 } data)
        {
            environment["AUTOGRADER_DATA"] = data;
        }

        var replaced = Directory.EnumerateFiles(grader, "appsettings*.json").ToDictionary(f => f, _ => "{}");
        foreach (var heldOut in HeldOutFiles(settings))
        {
            replaced[heldOut] = "";
        }

        return new SandboxPolicy
        {
            ReadOnly = readOnly,
            ReadOnlyAt = readOnlyAt,
            Environment = environment,
            Replaced = replaced,
        };
    }

    /// <summary>The sandbox a submission is built in: the .NET install (when not under /usr), nothing else of the host's.</summary>
    public static SandboxPolicy ForBuild()
    {
        var dotnetRoot = DotnetRoot();
        return new SandboxPolicy { ReadOnly = dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal) ? [] : [dotnetRoot] };
    }

    /// <summary>
    /// Whether to sandbox this run: always where bubblewrap works (unless <paramref name="noSandbox"/>). Where it does not, the
    /// repository's own reference and starter run unconfined (the course's code, or a student's on their own machine), and
    /// anything else is refused: a submission is never run unconfined by accident.
    /// </summary>
    /// <param name="paths">The course repository.</param>
    /// <param name="implementation">What --impl named.</param>
    /// <param name="noSandbox">--no-sandbox: run unconfined (only for code one trusts).</param>
    /// <returns>True to sandbox, false to run unconfined.</returns>
    /// <exception cref="InvalidOperationException">A submission, and no sandbox here.</exception>
    public static bool Required(RepositoryPaths paths, string implementation, bool noSandbox)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (noSandbox)
        {
            return false;
        }

        if (Bubblewrap.WhyUnavailable is not { } why)
        {
            return true;
        }

        var full = implementation is "reference" or "starter" ? null : Path.GetFullPath(implementation);
        if (full is null || Inside(full, paths.Reference) || Inside(full, paths.Starter))
        {
            return false;
        }

        throw new InvalidOperationException(
            $"{implementation} is a submission, and submissions are graded in a sandbox, but {why}. Install bubblewrap on the grading machine, or pass --no-sandbox to grade it unconfined (only code you trust, such as your own: it could read and change anything you can).");
    }

    private static bool Inside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Every held-out file of every experiment's data, in every data root where it is (the host reads them; workers see them empty).</summary>
    private static IEnumerable<string> HeldOutFiles(IReadOnlyDictionary<string, string> settings) =>
        from root in ExperimentDataRoots(settings)
        from requirement in CheckRegistry.All.OfType<Experiment>().SelectMany(e => e.Data).Distinct()
        from set in requirement.Candidates(quick: false)
        from file in requirement.HeldOutFiles
        let path = Path.Combine(root, set, file)
        where File.Exists(path)
        select path;

    /// <summary>Every data file with a worker view, in every data root where it is, with the view to show instead.</summary>
    private static IEnumerable<(string Path, Func<string, byte[]> View)> WorkerViews(IReadOnlyDictionary<string, string> settings) =>
        from root in ExperimentDataRoots(settings)
        from requirement in CheckRegistry.All.OfType<Experiment>().SelectMany(e => e.Data).Distinct()
        from set in requirement.Candidates(quick: false)
        from view in requirement.WorkerViews
        let path = Path.Combine(root, set, view.Key)
        where File.Exists(path)
        select (path, view.Value);

    /// <summary>The view of <paramref name="path"/>, written once into a host-owned folder, named by its content.</summary>
    private static string ViewFile(string path, Func<string, byte[]> view)
    {
        var bytes = view(path);
        var folder = Path.Combine(Path.GetTempPath(), "autograder-views");
        _ = OperatingSystem.IsWindows() ? Directory.CreateDirectory(folder) : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(folder, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..24] + Path.GetExtension(path));
        if (!File.Exists(file))
        {
            Autograder.Grading.Exporters.AtomicFile.WriteAllBytes(file, bytes);
        }

        return file;
    }

    /// <summary>The folders data sets are looked for in (see <see cref="DataLocator.ForRepository"/>).</summary>
    private static IEnumerable<string> ExperimentDataRoots(IReadOnlyDictionary<string, string> settings) =>
        settings.TryGetValue(RunSettings.Repository, out var repository) ? DataLocator.ForRepository(repository).Roots : [];

    /// <summary>The .NET install the grader runs on (…/shared/Microsoft.NETCore.App/10.0.x/ → its root).</summary>
    private static string DotnetRoot() => DotnetCli.Root;
}
