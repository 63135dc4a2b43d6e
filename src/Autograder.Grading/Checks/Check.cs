namespace Autograder.Grading.Checks;

/// <summary>One gradable fact about a student's code, split into a probe (runs the code, in the worker) and a judge (scores, in the host).</summary>
/// <remarks>
/// The probe must be deterministic given its <see cref="ProbeContext"/>: the expected observation is the same probe run on the
/// reference (from a fixture for public seeds, live for hidden ones). The judge sees only observations, never student code.
/// </remarks>
public abstract class Check
{
    /// <summary>Gets what the check is.</summary>
    public abstract CheckInfo Info { get; }

    /// <summary>Calls the implementation on inputs drawn from the context and records what it returned.</summary>
    public abstract Observation Probe(ProbeContext context);

    /// <summary>Scores the student's observation against the reference's.</summary>
    public abstract Verdict Judge(Observation student, Observation expected);
}
