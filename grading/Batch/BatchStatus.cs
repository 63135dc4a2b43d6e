namespace Autograder.Host.Batch;

/// <summary>How a submission's grading in a batch ended.</summary>
internal enum BatchStatus
{
    /// <summary>Built and graded: its score is its checks' (some may have failed, errored or timed out).</summary>
    Graded,

    /// <summary>The submission did not compile (or was refused by the build: a link, a bad file name): every check errored, with the compiler's messages.</summary>
    NotCompiled,

    /// <summary>The submission could not be opened (a damaged or unsafe zip): every check errored, with the reason.</summary>
    Rejected,

    /// <summary>Grading did not finish before the submission's deadline; a rerun of the batch tries again.</summary>
    TimedOut,

    /// <summary>The grader itself stopped without results (a crash, a refusal); a rerun of the batch tries again.</summary>
    GraderFailed,
}
