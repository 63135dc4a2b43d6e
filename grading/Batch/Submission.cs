namespace Autograder.Host.Batch;

/// <summary>One student's submission in a batch, as found in the input folder.</summary>
/// <param name="Id">The student's id: unique in the batch and safe as a file name; names their result folder and draws their hidden inputs.</param>
/// <param name="Name">Who submitted it (the names in a Gradescope export), or the id.</param>
/// <param name="Source">The submission's folder or zip file.</param>
internal sealed record Submission(string Id, string Name, string Source)
{
    /// <summary>Gets a value indicating whether the submission is a zip file (extracted before it is graded).</summary>
    public bool IsZip => Source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(Source);
}
