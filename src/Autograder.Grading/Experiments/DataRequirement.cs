namespace Autograder.Grading.Experiments;

/// <summary>A data set an experiment reads: the full set, the subset shipped in the repository for quick runs, and the files it must hold.</summary>
/// <param name="Full">The full set's name in the catalogue (<c>mnist</c>); a full run uses it when present.</param>
/// <param name="Bundled">The subset shipped in <c>data/</c> (<c>mnist-small</c>) that quick runs use and full runs fall back to; null when the set itself ships.</param>
/// <param name="Files">Files the set's folder must hold.</param>
public sealed record DataRequirement(string Full, string? Bundled, IReadOnlyList<string> Files)
{
    /// <summary>
    /// Gets the files only the host reads (held-out labels): a sandboxed worker sees them empty, so a submission cannot
    /// return the answers instead of predictions. Only files the worker never needs belong here.
    /// </summary>
    public IReadOnlyList<string> HeldOutFiles { get; init; } = [];

    /// <summary>
    /// Gets files a worker needs, but not whole: file name → the bytes a sandboxed worker sees in its place, made by the host
    /// from the real file's path (the test sentences with every label 0, the held-out images' captions blanked). The host
    /// alone reads the real file.
    /// </summary>
    public IReadOnlyDictionary<string, Func<string, byte[]>> WorkerViews { get; init; } = new Dictionary<string, Func<string, byte[]>>();

    /// <summary>The sets that would serve this requirement, in the order they are tried: the bundled one alone for a quick run.</summary>
    /// <param name="quick">Whether the run is quick.</param>
    public IReadOnlyList<string> Candidates(bool quick) => Bundled is null ? [Full] : quick ? [Bundled] : [Full, Bundled];
}
