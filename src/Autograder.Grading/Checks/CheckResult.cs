namespace Autograder.Grading.Checks;

/// <summary>The graded result of one check.</summary>
/// <param name="Info">The check.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Score">Points earned (0 to <see cref="CheckInfo.Points"/>).</param>
/// <param name="Message">What is wrong and how to tell (empty when passed); stored sanitised and capped (<see cref="MessageText"/>).</param>
/// <param name="Seed">The seed the inputs were drawn from, for replay.</param>
/// <param name="Duration">How long the probe ran.</param>
public sealed record CheckResult(CheckInfo Info, Outcome Outcome, double Score, string Message, long Seed, TimeSpan Duration)
{
    private readonly string _message = MessageText.Clean(Message);

    /// <summary>Gets what is wrong and how to tell: sanitised and capped, whatever the student's code put in it.</summary>
    public string Message
    {
        get => _message;
        init => _message = MessageText.Clean(value);
    }

    /// <summary>Gets the member the failure points at (see <see cref="Verdict.Blame"/>), or null for the check's first target.</summary>
    public string? Blame { get; init; }

    /// <summary>Gets the command that reruns this check on the student's code.</summary>
    public string ReplayCommand => $"dotnet run --project grading -- check --only {Info.Id} --seed {Seed}";
}
