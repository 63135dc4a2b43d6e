using Autograder.Grading.Judging;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A3;

/// <summary>Scores attention weights: one per region, non-negative, each row summing to one over the regions, and the reference's values.</summary>
internal static class AttentionWeights
{
    /// <summary>Adds the weights' two items (their properties, their values) to <paramref name="card"/>.</summary>
    /// <param name="card">The scorecard.</param>
    /// <param name="student">The student's weights, (…, L).</param>
    /// <param name="expected">The reference's, the same shape.</param>
    /// <param name="what">What the weights are, for the messages.</param>
    public static void Score(Scorecard card, Tensor student, Tensor expected, string what)
    {
        var shaped = student.Shape.SequenceEqual(expected.Shape);
        var sums = shaped ? student.Sum(student.Dim - 1) : null;
        var normalised = sums is not null && student.Ge(0).All() && sums.AllClose(Tensor.OnesLike(sums), 1e-9);
        var found = !shaped ? $"their shape is ({string.Join(", ", student.Shape.ToArray())}), expected ({string.Join(", ", expected.Shape.ToArray())})"
            : $"row sums {string.Join(", ", sums!.Reshape(-1).ToArray<double>().Take(4).Select(v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)))}…, smallest weight {student.Min().Item():0.####}";
        card.Property(normalised, $"The attention {what} must be non-negative and sum to one over the regions (a softmax over the L dimension): {found}.", weight: 0.5);
        card.Value($"attention {what}", student, expected);
    }
}
