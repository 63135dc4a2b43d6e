using Autograder.Grading.Checks;

namespace Autograder.Grading.InProcess;

/// <summary>Runs a public check in this process, against its fixture: what a student's IDE test does, so that breakpoints in their code are hit.</summary>
/// <remarks>
/// Unlike the grader, nothing is isolated: the student's exceptions propagate (the debugger stops where they are thrown),
/// and there is no time limit. Only <see cref="NotImplementedException"/> is turned into <see cref="Outcome.NotAttempted"/>.
/// </remarks>
public static class PublicCheckRunner
{
    /// <summary>Probes the homework loaded in this process with the check's public seed and judges the observation against the fixture.</summary>
    /// <param name="check">A visible check (not an experiment).</param>
    /// <param name="fixtures">The committed fixtures.</param>
    /// <exception cref="InvalidOperationException">The check is hidden, or its fixture is missing or stale.</exception>
    public static CheckResult Run(Check check, FixtureStore fixtures)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(fixtures);
        var info = check.Info;
        if (info.Visibility != Visibility.Visible)
        {
            throw new InvalidOperationException($"{info.Id} is not a public check.");
        }

        var seed = Seeds.Public(info.Id);
        var expected = fixtures.TryLoad(info.Id, seed)
            ?? throw new InvalidOperationException($"No up-to-date fixture for {info.Id} in {fixtures.Directory} (course staff: run 'autograder fixtures generate').");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Observation observation;
        var context = new ProbeContext(seed);
        try
        {
            observation = check.Probe(context);
        }
        catch (NotImplementedException e)
        {
            return new CheckResult(info, Outcome.NotAttempted, 0, $"not attempted yet: {e.Message}", seed, clock.Elapsed);
        }

        context.RecordChangedInputs(observation);
        var verdict = check.Judge(observation, expected);
        var fraction = double.IsFinite(verdict.Fraction) ? Math.Clamp(verdict.Fraction, 0, 1) : 0;
        var message = fraction < 1 ? verdict.Message + ProbeContext.InPlaceNote(info, observation, expected) : verdict.Message;
        return new CheckResult(info, fraction >= 1 ? Outcome.Passed : Outcome.Failed, fraction * info.Points, message, seed, clock.Elapsed) { Blame = verdict.Blame };
    }
}
