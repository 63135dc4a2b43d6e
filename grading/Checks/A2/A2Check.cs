using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A2;

/// <summary>Shared metadata for A2's checks.</summary>
internal abstract class A2Check(string id, string title, double points, params string[] targets) : Check
{
    /// <summary>The 2-D operations file: the layer checks take it from the reference when the student's operations fail their own checks.</summary>
    protected static readonly Substitution ConvolutionFile = new("A2/Convolution.cs", "Homework.A2.Convolution");

    private CheckInfo? _info;

    /// <inheritdoc/>
    public override CheckInfo Info => _info ??= new(id, "A2", title, points, Visibility.Visible, TimeSpan.FromSeconds(10), targets) { Substitutes = Substitutes };

    /// <summary>Gets the parts this check may take from the reference (none by default).</summary>
    protected virtual IReadOnlyList<Substitution> Substitutes => [];
}
