namespace Autograder.Host.Mutation;

/// <summary>What grading a mutant with every check found.</summary>
internal enum MutantFate
{
    /// <summary>A public check failed (Stryker's run).</summary>
    KilledByPublicChecks,

    /// <summary>Every public check passed, and a hidden check failed (the grader's run).</summary>
    KilledByHiddenChecks,

    /// <summary>Every check, public and hidden, gave full marks.</summary>
    Survived,

    /// <summary>On the reviewed list of equivalent mutants: no correct check could kill it.</summary>
    Equivalent,

    /// <summary>Outside every BEGIN/END SOLUTION region: code the starter gives students as it is, not theirs to get wrong (not counted).</summary>
    GivenCode,

    /// <summary>The mutated reference did not compile in the grader's build (Stryker compiles differently).</summary>
    CompileError,
}

/// <summary>One tested mutant and its fate.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Fate">What became of it.</param>
/// <param name="Detail">The failing check's id, the equivalence reason, or the line mutated.</param>
internal sealed record MutantVerdict(StrykerMutant Mutant, MutantFate Fate, string Detail);
