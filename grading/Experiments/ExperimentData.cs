using Autograder.Data.Catalog;
using Autograder.Grading.Checks;

namespace Autograder.Host.Experiments;

/// <summary>Where experiments find their data: the full set from the data roots, or the subset bundled in data/ (quick runs, fresh clones).</summary>
internal static class ExperimentData
{
    /// <summary>The folder of a data set and a description of what it is: the full set unless the run is quick or the full set is absent.</summary>
    /// <param name="settings">The run's settings (quick, repo).</param>
    /// <param name="full">The full set's name in the catalogue (e.g. <c>mnist</c>).</param>
    /// <param name="bundled">The bundled subset's name (e.g. <c>mnist-small</c>).</param>
    /// <param name="requiredFiles">Files the folder must hold.</param>
    public static (string Folder, string Description, bool IsFull) Locate(IReadOnlyDictionary<string, string> settings, string full, string bundled, params string[] requiredFiles)
    {
        var locator = Locator(settings);
        var quick = RunSettings.IsQuick(settings);
        if (!quick && locator.TryFind(full, requiredFiles) is { } folder)
        {
            return (folder, $"{full} (full)", true);
        }

        var subset = locator.Find(bundled, requiredFiles);
        return (subset, quick ? $"{bundled} (bundled subset, quick run)" : $"{bundled} (bundled subset: {full} was not found; run 'autograder data fetch {full}' for the full set)", false);
    }

    /// <summary>The data locator for the run's repository (the current folder when the settings name none).</summary>
    public static DataLocator Locator(IReadOnlyDictionary<string, string> settings) =>
        DataLocator.ForRepository(settings.TryGetValue(RunSettings.Repository, out var repository) ? repository : Directory.GetCurrentDirectory());
}
