using Autograder.Tensors;

namespace Autograder.Grading.Checks;

/// <summary>The reference's observations for the public seeds, kept as <c>grading/fixtures/CHECK_ID.npz</c>, so public checks need no reference at grading time.</summary>
/// <param name="directory">The fixtures folder.</param>
public sealed class FixtureStore(string directory)
{
    private const string SeedKey = "__seed";

    /// <summary>Gets the folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Saves the reference's observation for a check and seed.</summary>
    public void Save(string checkId, long seed, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        System.IO.Directory.CreateDirectory(Directory);
        observation[SeedKey] = Tensor.FromArray(new[] { seed }).Reshape();
        observation.Save(PathOf(checkId));
    }

    /// <summary>Returns the stored observation when one exists for this check and seed, else null (the reference then runs live).</summary>
    public Observation? TryLoad(string checkId, long seed)
    {
        var path = PathOf(checkId);
        if (!File.Exists(path))
        {
            return null;
        }

        var observation = Observation.Load(path);
        return observation.Contains(SeedKey) && observation[SeedKey].Item<long>() == seed ? observation : null;
    }

    private string PathOf(string checkId) => Path.Combine(Directory, checkId + ".npz");
}
