namespace Autograder.Grading.Checks;

/// <summary>How a check ended.</summary>
public enum Outcome
{
    /// <summary>Full points.</summary>
    Passed,

    /// <summary>Wrong (possibly with partial credit).</summary>
    Failed,

    /// <summary>The code still throws NotImplementedException: the student has not started it.</summary>
    NotAttempted,

    /// <summary>The code threw, crashed the worker, or ran out of memory.</summary>
    Errored,

    /// <summary>The probe exceeded its time limit and the worker was killed.</summary>
    TimedOut,
}
