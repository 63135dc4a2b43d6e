namespace Autograder.Grading.Protocol;

/// <summary>How a probe ended inside the worker.</summary>
public enum ProbeStatus
{
    /// <summary>It returned an observation.</summary>
    Completed,

    /// <summary>The code threw NotImplementedException.</summary>
    NotAttempted,

    /// <summary>The code threw something else.</summary>
    Errored,

    /// <summary>The worker died (crash, stack overflow, out of memory, Environment.Exit) before answering.</summary>
    Crashed,

    /// <summary>The probe ran past its time limit and the worker was killed.</summary>
    TimedOut,
}
