using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;

namespace Autograder.Host.Experiments;

/// <summary>Checks, before any student code runs, that every data set the selected experiments read is present.</summary>
internal static class DataPreflight
{
    /// <summary>Throws <see cref="MissingDataException"/> naming each missing set (what, where it was looked for, how to get it).</summary>
    /// <param name="checks">The checks about to run; only experiments read data.</param>
    /// <param name="settings">The run's settings (quick or full, the repository).</param>
    public static void Ensure(IEnumerable<Check> checks, IReadOnlyDictionary<string, string> settings)
    {
        var experiments = checks.OfType<Experiment>().ToList();
        var missing = ExperimentData.Missing(settings, experiments.SelectMany(e => e.Data));
        if (missing.Count == 0)
        {
            return;
        }

        var roots = ExperimentData.Locator(settings).Roots;
        var lines = missing.Select(m =>
        {
            var users = string.Join(", ", experiments.Where(e => e.Data.Contains(m.Requirement)).Select(e => e.Info.Id));
            var places = string.Join("; ", roots.Select(r => Path.Combine(r, m.Set)));
            var remedy = m.Set == m.Requirement.Bundled
                ? $"it ships with the repository: restore it with 'git checkout -- data/{m.Set}'"
                : $"run 'autograder data fetch {m.Set}', or set AUTOGRADER_DATA to a folder that holds it";
            return $"missing data set '{m.Set}' ({string.Join(", ", m.Requirement.Files)}), needed by {users}: looked in {places}; {remedy}.";
        });
        throw new MissingDataException($"nothing was run: {missing.Count} data set{(missing.Count == 1 ? " is" : "s are")} missing.{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }
}
