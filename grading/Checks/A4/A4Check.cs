using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>Shared metadata for A4's checks: assignment, visibility, and the part the style loss may take from the reference.</summary>
internal abstract class A4Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A4", id, title, points, visibility, targets)
{
    /// <summary>The Gram matrix, which the style loss calls: taken alone from the reference (the four losses share one file).</summary>
    protected static readonly Substitution GramMatrixMethod = new("A4/StyleLosses.cs", "Homework.A4.StyleLosses", "GramMatrix");

    protected A4Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
