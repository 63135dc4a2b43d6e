using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A1.Support;

/// <summary>A small classification problem: Gaussian clusters around random centres, for training the Solver in a check.</summary>
internal static class Blobs
{
    /// <summary>Draws <paramref name="n"/> points in <paramref name="dimensions"/> dimensions from <paramref name="classes"/> clusters.</summary>
    public static (Tensor X, Tensor Y) Draw(ProbeContext context, int n, int dimensions, int classes, Tensor centres)
    {
        var y = context.Randint(0, classes, n);
        return (centres.IndexSelect(0, y) + (context.Randn(n, dimensions) * 0.7), y);
    }
}
