using Autograder.Grading.Checks;
using Autograder.Grading.Protocol;

namespace Autograder.Grading;

/// <summary>Grades an implementation: probes it and the reference in separate workers, then judges each check in this process.</summary>
/// <remarks>The host never loads student code: it only reads the observations the worker wrote.</remarks>
public sealed class Grader(WorkerCommand worker)
{
    /// <summary>Runs every check on the student's and the reference's Homework.dll and scores them.</summary>
    /// <param name="checks">The checks, in report order.</param>
    /// <param name="studentHomework">The student's Homework.dll.</param>
    /// <param name="referenceHomework">The reference's Homework.dll (expected observations).</param>
    /// <param name="seedFor">The seed for each check (fixed for public checks, per student for hidden ones).</param>
    /// <param name="cancellationToken">Stops grading between probes.</param>
    public IReadOnlyList<CheckResult> Grade(IReadOnlyList<Check> checks, string studentHomework, string referenceHomework, Func<CheckInfo, long> seedFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(seedFor);
        var probes = checks.Select(c => (c.Info, seedFor(c.Info))).ToList();
        var student = new ProbeRunner(worker, studentHomework).Run(probes, cancellationToken);
        var reference = new ProbeRunner(worker, referenceHomework).Run(probes, cancellationToken);
        return [.. checks.Select(c => Judge(c, seedFor(c.Info), student[c.Info.Id], reference[c.Info.Id]))];
    }

    private static CheckResult Judge(Check check, long seed, (ProbeReport Report, Observation? Observation) student, (ProbeReport Report, Observation? Observation) reference)
    {
        var info = check.Info;
        var duration = TimeSpan.FromMilliseconds(student.Report.Milliseconds);
        CheckResult Result(Outcome outcome, double score, string message) => new(info, outcome, score, message, seed, duration);
        switch (student.Report.Status)
        {
            case ProbeStatus.NotAttempted:
                return Result(Outcome.NotAttempted, 0, "not attempted yet: the method still throws NotImplementedException.");
            case ProbeStatus.TimedOut:
                return Result(Outcome.TimedOut, 0, student.Report.Message);
            case ProbeStatus.Errored or ProbeStatus.Crashed:
                return Result(Outcome.Errored, 0, Join(student.Report.Message, student.Report.Trace));
            default:
                break;
        }

        if (reference.Report.Status != ProbeStatus.Completed || reference.Observation is null || student.Observation is null)
        {
            return Result(Outcome.Errored, 0, $"grader error: the reference failed this check ({reference.Report.Status}: {reference.Report.Message}). Tell the course staff.");
        }

        Verdict verdict;
        try
        {
            verdict = check.Judge(student.Observation, reference.Observation);
        }
        catch (KeyNotFoundException e)
        {
            verdict = Verdict.Fail(e.Message);
        }

        var fraction = double.IsFinite(verdict.Fraction) ? Math.Clamp(verdict.Fraction, 0, 1) : 0;
        return Result(fraction >= 1 ? Outcome.Passed : Outcome.Failed, fraction * info.Points, verdict.Message);
    }

    private static string Join(string message, string trace) => trace.Length == 0 ? message : $"{message}\n{trace}";
}
