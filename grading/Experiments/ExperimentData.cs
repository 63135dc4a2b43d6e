using Autograder.Data.Catalog;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;

namespace Autograder.Host.Experiments;

/// <summary>Where experiments find their data: the full set from the data roots, or the subset bundled in data/ (quick runs, fresh clones).</summary>
internal static class ExperimentData
{
    private const string TestLabels = "t10k-labels-idx1-ubyte.gz";
    private static readonly string[] IdxFiles = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", TestLabels];

    /// <summary>MNIST, or the bundled mnist-small.</summary>
    public static DataRequirement Mnist { get; } = new("mnist", "mnist-small", IdxFiles) { HeldOutFiles = [TestLabels] };

    /// <summary>Fashion-MNIST, or the bundled fashion-mnist-small.</summary>
    public static DataRequirement FashionMnist { get; } = new("fashion-mnist", "fashion-mnist-small", IdxFiles) { HeldOutFiles = [TestLabels] };

    /// <summary>The 1,000-image Flickr8k subset, or the bundled flickr8k-small (600 of its images).</summary>
    public static DataRequirement Flickr8k { get; } = new("flickr8k-subset1000", "flickr8k-small", ["captions.tsv.gz"])
    {
        WorkerViews = new Dictionary<string, Func<string, byte[]>> { ["captions.tsv.gz"] = WorkerViewFiles.CaptionsWithoutHeldOutImages },
    };

    /// <summary>SST-2 with the GloVe vectors (shipped in data/ as it is: it is small).</summary>
    public static DataRequirement Sst2 { get; } = new("sst2", null, ["stsa.binary.train.gz", "stsa.binary.dev.gz", "stsa.binary.test.gz", "glove.twitter.27B.25d.top12k.txt.gz"])
    {
        WorkerViews = new Dictionary<string, Func<string, byte[]>> { ["stsa.binary.test.gz"] = WorkerViewFiles.SentencesWithoutLabels },
    };

    /// <summary>Multi30k's German–English pairs (shipped in data/ as they are).</summary>
    public static DataRequirement Multi30k { get; } = new("multi30k", null, ["train.de.gz", "train.en.gz", "val.de.gz", "val.en.gz", "test_2016_flickr.de.gz", "test_2016_flickr.en.gz"])
    {
        WorkerViews = new Dictionary<string, Func<string, byte[]>> { ["test_2016_flickr.en.gz"] = WorkerViewFiles.SentencesAsTokenCounts },
    };

    /// <summary>The pretrained SqueezeNet (shipped in data/ as it is).</summary>
    public static DataRequirement SqueezeNet { get; } = new("pretrained-squeezenet", null, ["architecture.json"]);

    /// <summary>
    /// The requirements that no data root satisfies for this run, each with the set it would have fallen back to last;
    /// empty when all are present.
    /// </summary>
    public static IReadOnlyList<(DataRequirement Requirement, string Set)> Missing(IReadOnlyDictionary<string, string> settings, IEnumerable<DataRequirement> requirements)
    {
        var locator = Locator(settings);
        var quick = RunSettings.IsQuick(settings);
        return [.. requirements.Distinct()
            .Where(r => r.Candidates(quick).All(set => locator.TryFind(set, [.. r.Files]) is null))
            .Select(r => (r, r.Candidates(quick)[^1]))];
    }

    /// <summary>
    /// The folder of a data set and a description of what it is: the full set unless the run is quick or the full set is
    /// absent, then the bundled subset; a set that ships as it is (no bundled subset) is always the full one.
    /// </summary>
    /// <param name="settings">The run's settings (quick, repo).</param>
    /// <param name="requirement">The set, its bundled subset and the files they must hold.</param>
    public static (string Folder, string Description, bool IsFull) Locate(IReadOnlyDictionary<string, string> settings, DataRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var (locator, files, full) = (Locator(settings), requirement.Files.ToArray(), requirement.Full);
        if (requirement.Bundled is not { } bundled)
        {
            return (locator.Find(full, files), full, true);
        }

        var quick = RunSettings.IsQuick(settings);
        if (!quick && locator.TryFind(full, files) is { } folder)
        {
            return (folder, $"{full} (full)", true);
        }

        var subset = locator.Find(bundled, files);
        return (subset, quick ? $"{bundled} (bundled subset, quick run)" : $"{bundled} (bundled subset: {full} was not found; run 'autograder data fetch {full}' for the full set)", false);
    }

    /// <summary>The data locator for the run's repository (the current folder when the settings name none).</summary>
    public static DataLocator Locator(IReadOnlyDictionary<string, string> settings) =>
        DataLocator.ForRepository(settings.TryGetValue(RunSettings.Repository, out var repository) ? repository : Directory.GetCurrentDirectory());
}
