namespace Autograder.Host.Commands;

/// <summary>Which checks a verb runs.</summary>
internal enum GradingScope
{
    /// <summary><c>check</c>: the fast checks, no experiments (unless named with --only).</summary>
    Checks,

    /// <summary><c>grade</c>: every check and every experiment.</summary>
    Everything,

    /// <summary><c>experiments run</c>: the experiments only.</summary>
    Experiments,
}
