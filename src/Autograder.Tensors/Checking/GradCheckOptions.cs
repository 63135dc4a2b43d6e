namespace Autograder.Tensors.Checking;

/// <summary>Settings of a gradient check.</summary>
/// <param name="Step">The central-difference step h (on float64 values).</param>
/// <param name="Tolerance">The largest relative error that passes.</param>
/// <param name="MaxElementsPerInput">Check at most this many elements of each input, chosen at random (0: all).</param>
/// <param name="Seed">Seeds the upstream projection and the element sample.</param>
public sealed record GradCheckOptions(double Step = 1e-6, double Tolerance = 1e-6, int MaxElementsPerInput = 0, long Seed = 0)
{
    /// <summary>Gets the defaults: h = 1e-6, tolerance 1e-6, every element, seed 0.</summary>
    public static GradCheckOptions Default { get; } = new();
}
