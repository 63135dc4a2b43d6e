using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A1;

/// <summary>Shared metadata for A1's checks: assignment, visibility and a generous time limit for from-scratch code.</summary>
internal abstract class A1Check(string id, string title, double points, Visibility visibility, params string[] targets) : Check
{
    protected A1Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }

    /// <inheritdoc/>
    public override CheckInfo Info { get; } = new(id, "A1", title, points, visibility, TimeSpan.FromSeconds(10), targets);
}
