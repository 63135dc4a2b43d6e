using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A1;

/// <summary>Shared metadata for A1's checks: assignment, visibility and a generous time limit for from-scratch code.</summary>
internal abstract class A1Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A1", id, title, points, visibility, targets)
{
    /// <summary>The layers file: model checks take it from the reference when the student's layers fail their own checks.</summary>
    protected static readonly Substitution LayersFile = new("A1/Layers.cs", "Homework.A1.Layers");

    protected A1Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
