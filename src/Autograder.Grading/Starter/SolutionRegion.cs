namespace Autograder.Grading.Starter;

/// <summary>A marked solution region of a reference file: the lines from <c>// BEGIN SOLUTION</c> to <c>// END SOLUTION</c>.</summary>
/// <param name="BeginLine">The 1-based line of the BEGIN marker.</param>
/// <param name="EndLine">The 1-based line of the END marker.</param>
/// <param name="Indent">The marker's indentation, reused for the stub.</param>
/// <param name="Hint">The text in parentheses after BEGIN SOLUTION, shown to students in the stub's message.</param>
/// <param name="Remove">Whether the region disappears from the starter (<c>// BEGIN SOLUTION REMOVE</c>) instead of becoming a stub.</param>
public sealed record SolutionRegion(int BeginLine, int EndLine, string Indent, string Hint, bool Remove);
