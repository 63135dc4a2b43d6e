using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;

namespace Autograder.Grading.Tests.Isolation;

/// <summary>Which composites are graded again on the reference's parts: only when another check on such a part failed.</summary>
public sealed class FaultIsolationCandidatesTests
{
    private static readonly Substitution EncoderFile = new("A6/Seq2Seq/Encoder.cs", "Homework.A6.Encoder");

    [Test]
    public void An_experiment_that_runs_its_own_parts_is_not_regraded_for_its_own_failure()
    {
        // Like A6's Seq2Seq experiment: it targets Encoder.Forward, which its substitute (Encoder.cs) covers.
        var experiment = Info("a6.seq2seq_rnn", ["Homework.A6.Seq2Seq.Forward", "Homework.A6.Encoder.Forward"], EncoderFile);
        var encoderCheck = Info("a6.encoder", ["Homework.A6.Encoder.Forward"]);
        var candidates = Candidates((experiment, Outcome.Failed), (encoderCheck, Outcome.Passed));
        Assert.That(candidates, Is.Empty, "no other check on Encoder.cs failed, so the student's own encoder is what was graded");
    }

    [Test]
    public void A_composite_is_regraded_when_another_check_on_its_part_failed_and_the_reason_names_that_check()
    {
        var experiment = Info("a6.seq2seq_rnn", ["Homework.A6.Seq2Seq.Forward", "Homework.A6.Encoder.Forward"], EncoderFile);
        var encoderCheck = Info("a6.encoder", ["Homework.A6.Encoder.Forward"]);
        var candidates = Candidates((experiment, Outcome.Failed), (encoderCheck, Outcome.Failed));
        Assert.That(candidates, Has.Count.EqualTo(1));
        Assert.That(candidates[0].Substitutes, Is.EqualTo(new[] { EncoderFile }));
        Assert.That(candidates[0].Reason, Is.EqualTo("a6.encoder did not pass"), "the composite is not listed among the faulty parts");
    }

    [Test]
    public void A_passing_composite_is_never_regraded()
    {
        var experiment = Info("a6.seq2seq_rnn", ["Homework.A6.Seq2Seq.Forward"], EncoderFile);
        var encoderCheck = Info("a6.encoder", ["Homework.A6.Encoder.Forward"]);
        Assert.That(Candidates((experiment, Outcome.Passed), (encoderCheck, Outcome.Failed)), Is.Empty);
    }

    private static CheckInfo Info(string id, string[] targets, params Substitution[] substitutes) =>
        new(id, "A6", id, 1, Visibility.Visible, TimeSpan.FromMinutes(1), targets) { Substitutes = substitutes };

    private static List<(int Index, IReadOnlyList<Substitution> Substitutes, string Reason)> Candidates(params (CheckInfo Info, Outcome Outcome)[] graded)
    {
        var checks = graded.Select(g => (Check)new Named(g.Info)).ToList();
        var results = graded.Select(g => new CheckResult(g.Info, g.Outcome, g.Outcome == Outcome.Passed ? 1 : 0, "", 0, TimeSpan.Zero)).ToList();
        var probes = graded.ToDictionary(g => g.Info.Id, g => (new ProbeReport(g.Info.Id, ProbeStatus.Completed, "", "", 0), (Observation?)null));
        var isolation = new FaultIsolation(checks, results, probes, _ => throw new AssertionException("nothing is built to choose the candidates"));
        return [.. isolation.Candidates()];
    }

    /// <summary>A check that is only its description (candidates are chosen from descriptions and results alone).</summary>
    private sealed class Named(CheckInfo info) : Check
    {
        public override CheckInfo Info => info;

        public override Observation Probe(ProbeContext context) => throw new NotSupportedException();

        public override Verdict Judge(Observation student, Observation expected) => throw new NotSupportedException();
    }
}
