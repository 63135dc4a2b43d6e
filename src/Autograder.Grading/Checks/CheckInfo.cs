namespace Autograder.Grading.Checks;

/// <summary>What a check is: identity, points, visibility, time limit, and the homework members it is about.</summary>
/// <param name="Id">A stable id, e.g. <c>a1.fc_backward</c>.</param>
/// <param name="Assignment">The assignment, e.g. <c>A1</c>.</param>
/// <param name="Title">One line for the score table.</param>
/// <param name="Points">The points it is worth.</param>
/// <param name="Visibility">When the student sees the result.</param>
/// <param name="TimeLimit">How long its probe may run before the worker is killed.</param>
/// <param name="Targets">The members it calls, as <c>Type.Method</c> (e.g. <c>Homework.A1.Layers.FcBackward</c>): diagnostics point at them.</param>
public sealed record CheckInfo(string Id, string Assignment, string Title, double Points, Visibility Visibility, TimeSpan TimeLimit, IReadOnlyList<string> Targets)
{
    /// <summary>Gets the parts this check may take from the reference when the student's own are faulty (see <see cref="Substitution"/>).</summary>
    public IReadOnlyList<Substitution> Substitutes { get; init; } = [];

    /// <summary>Gets a value indicating whether the members are to be written by hand: the probe runs with the library's autograd switched off.</summary>
    public bool ForbidsAutograd { get; init; }

    /// <summary>
    /// Gets a value indicating whether the members may change the tensors they are given (update rules change the weights
    /// in place); otherwise a failure says so when the student's code changed an input the reference leaves alone.
    /// </summary>
    public bool UpdatesInputs { get; init; }
}
