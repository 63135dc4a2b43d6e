namespace Autograder.Grading.Building;

/// <summary>The outcome of building a student's sources: the Homework.dll, or the compiler's errors.</summary>
/// <param name="Homework">The built Homework.dll; null when the build failed.</param>
/// <param name="Errors">The compiler's error lines (paths relative to the sources), empty when it built.</param>
public sealed record HomeworkBuild(string? Homework, IReadOnlyList<string> Errors)
{
    /// <summary>Gets whether the sources compiled.</summary>
    public bool Succeeded => Homework is not null;
}
