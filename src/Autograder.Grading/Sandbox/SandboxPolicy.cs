namespace Autograder.Grading.Sandbox;

/// <summary>What a sandboxed process may see and use: read-only folders, writable folders, files masked, its environment and limits.</summary>
/// <remarks>
/// Everything not listed is invisible: the process gets its own user, PID, network, IPC and UTS namespaces, an empty
/// size-capped /tmp, the system's /usr, and nothing of the host's environment. Paths keep their host names inside, so the
/// grader's own code finds its files without translation; only what is bound is there.
/// </remarks>
public sealed record SandboxPolicy
{
    /// <summary>Gets the folders (or files) bound read-only at the same path.</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    /// <summary>Gets folders bound read-only elsewhere (path inside the sandbox → host path): keeps the host's layout, such as the home folder's name, out of sight.</summary>
    public IReadOnlyDictionary<string, string> ReadOnlyAt { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the folders bound writable at the same path.</summary>
    public IReadOnlyList<string> Writable { get; init; } = [];

    /// <summary>Gets files whose content the process sees replaced (host path inside a read-only folder → the text shown instead): settings that hold secrets.</summary>
    public IReadOnlyDictionary<string, string> Replaced { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the only environment variables the process gets.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the most processes and threads the sandbox may hold at once (where a pids cgroup is writable).</summary>
    public int ProcessLimit { get; init; } = 512;

    /// <summary>Gets the size of the private /tmp.</summary>
    public long TempSizeBytes { get; init; } = 512L << 20;

    /// <summary>A copy with more folders bound.</summary>
    public SandboxPolicy With(IEnumerable<string>? readOnly = null, IEnumerable<string>? writable = null, IReadOnlyDictionary<string, string>? replaced = null, IReadOnlyDictionary<string, string>? environment = null) => this with
    {
        ReadOnly = [.. ReadOnly, .. readOnly ?? []],
        Writable = [.. Writable, .. writable ?? []],
        Replaced = Merge(Replaced, replaced),
        Environment = Merge(Environment, environment),
    };

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string>? second)
    {
        var merged = new Dictionary<string, string>(first);
        foreach (var (key, value) in second ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
