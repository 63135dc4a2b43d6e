using System.Diagnostics;

namespace Autograder.Host.Batch;

/// <summary>A submission on its way through a batch: where its grader writes, what it builds, or why it cannot be graded.</summary>
/// <param name="Submission">The submission.</param>
/// <param name="Fingerprint">What is graded, and how (kept in its record).</param>
/// <param name="Staging">The folder its grader writes into, moved into place when complete.</param>
/// <param name="Folder">The folder to build; null when it cannot be graded.</param>
/// <param name="Problem">Why it cannot be graded, when <paramref name="Folder"/> is null.</param>
/// <param name="Clock">Running since it was taken up.</param>
internal sealed record PendingGrading(Submission Submission, string Fingerprint, string Staging, string? Folder, (BatchStatus Status, string Reason) Problem, Stopwatch Clock);
