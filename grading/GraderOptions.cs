namespace Autograder.Host;

/// <summary>Settings of the grading host, from appsettings.json beside the grader, then AUTOGRADER_* environment variables (e.g. <c>AUTOGRADER_TimeLimitScale=2</c>).</summary>
internal sealed record GraderOptions
{
    /// <summary>Gets the heap cap of each worker process, in MiB (a submission that allocates without end is stopped there).</summary>
    public int WorkerMemoryLimitMegabytes { get; init; } = 3072;

    /// <summary>Gets the factor every check's time limit is multiplied by (raise it on slow graders; never below 0.1).</summary>
    public double TimeLimitScale { get; init; } = 1.0;

    /// <summary>
    /// Gets the course's secret for hidden seeds (<c>AUTOGRADER_HiddenSeedSecret</c>): with it, a student's hidden inputs
    /// cannot be computed offline from their id. Keep it out of the repository and the student bundle.
    /// </summary>
    public string? HiddenSeedSecret { get; init; }
}
