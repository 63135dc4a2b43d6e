using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4;

/// <summary>Shared metadata for A4's checks: assignment and visibility. (The four losses share one file, so no check grades one of them with the reference's other parts.)</summary>
internal abstract class A4Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A4", id, title, points, visibility, targets)
{
    protected A4Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
