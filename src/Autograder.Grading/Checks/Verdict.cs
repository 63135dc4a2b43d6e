namespace Autograder.Grading.Checks;

/// <summary>A judge's decision on an observation: the fraction of points earned and the message to show.</summary>
/// <param name="Fraction">Between 0 and 1.</param>
/// <param name="Message">Empty on full marks; otherwise what is wrong.</param>
public sealed record Verdict(double Fraction, string Message)
{
    /// <summary>
    /// Gets the member whose observation failed first (a method name or <c>Type.Method</c>, matched against the end of the
    /// check's targets), where diagnostics should point; null points at the check's first target.
    /// </summary>
    public string? Blame { get; init; }

    /// <summary>Gets a full-marks verdict.</summary>
    public static Verdict Pass { get; } = new(1, "");

    /// <summary>A zero-points verdict with a message.</summary>
    public static Verdict Fail(string message) => new(0, message);
}
