namespace Autograder.Reports.Results;

/// <summary>One check's line of the score table, as <c>results.json</c> (Gradescope's format) holds it.</summary>
/// <param name="Id">The check's id (<c>a1.affine_forward</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Outcome">passed, failed, not-attempted, errored or timed-out.</param>
public sealed record CheckScore(string Id, string Title, double Score, double MaxScore, string Outcome);
