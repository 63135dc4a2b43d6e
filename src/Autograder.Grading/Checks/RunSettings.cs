namespace Autograder.Grading.Checks;

/// <summary>Names of the settings the host passes to probes (through the worker's command line).</summary>
public static class RunSettings
{
    /// <summary>"true" for the quick variant of experiments: the bundled data subset, fewer epochs (for CI).</summary>
    public const string Quick = "quick";

    /// <summary>The course repository's root (where data sets are looked for).</summary>
    public const string Repository = "repo";

    /// <summary>An unlabelled file of sentences (one per line) that text-classification experiments also predict, writing one label per line.</summary>
    public const string Predict = "predict";

    /// <summary>Whether <paramref name="settings"/> ask for the quick variant (absent means no).</summary>
    public static bool IsQuick(IReadOnlyDictionary<string, string> settings) =>
        settings?.TryGetValue(Quick, out var quick) == true && bool.TryParse(quick, out var value) && value;
}
