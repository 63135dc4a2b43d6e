using Autograder.Grading.Checks;

namespace Autograder.Host.Checks;

/// <summary>
/// The metadata every assignment's checks share: the assignment, visibility, the methods graded, the parts a composite
/// check may take from the reference, and a time limit (10 s unless a check says otherwise).
/// </summary>
internal abstract class AssignmentCheck(string assignment, string id, string title, double points, Visibility visibility, params string[] targets) : Check
{
    private CheckInfo? _info;

    /// <inheritdoc/>
    public override CheckInfo Info => _info ??= new(id, assignment, title, points, visibility, TimeLimit, targets) { Substitutes = Substitutes, ForbidsAutograd = ForbidsAutograd, UpdatesInputs = UpdatesInputs };

    /// <summary>Gets the parts this check may take from the reference (none by default).</summary>
    protected virtual IReadOnlyList<Substitution> Substitutes => [];

    /// <summary>Gets a value indicating whether the assignment asks for these members written by hand (no autograd); false by default.</summary>
    protected virtual bool ForbidsAutograd => false;

    /// <summary>Gets a value indicating whether the members may change their inputs in place (update rules); false by default.</summary>
    protected virtual bool UpdatesInputs => false;

    /// <summary>Gets how long the probe may run.</summary>
    protected virtual TimeSpan TimeLimit => TimeSpan.FromSeconds(10);
}
