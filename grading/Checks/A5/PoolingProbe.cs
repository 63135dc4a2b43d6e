using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// What the pooling checks share: vectors (N, T, ·) whose padded positions are not zero (so that only a mask hides them),
/// the pooled result, and the gradient of a random projection of it (which must be zero at every padded position).
/// </summary>
internal static class PoolingProbe
{
    /// <summary>Runs <paramref name="pool"/> on a batch drawn for <paramref name="sizes"/> and records the output, the gradient and what the usual mistakes would give.</summary>
    public static Observation Run(ProbeContext context, SentenceProbe.Sizes sizes, Func<Tensor, Tensor, Tensor> pool, Func<Tensor, Tensor, Tensor> mistake)
    {
        var (_, lengths) = SentenceProbe.Batch(context, sizes);
        var vectors = context.Randn(sizes.N, sizes.T, sizes.D);
        vectors.RequiresGrad = true;
        var pooled = pool(vectors, lengths);
        var observation = new Observation { ["pooled"] = pooled.Detach() };
        (pooled * context.Randn(sizes.N, sizes.D)).Sum().Backward();
        observation["grad_vectors"] = vectors.Grad ?? Tensor.ZerosLike(vectors);
        observation["mistake"] = mistake(vectors.Detach(), lengths);
        return observation;
    }

    /// <summary>Scores the output and gradient; <paramref name="mistakeText"/> when the output is what the usual mistake gives.</summary>
    public static Verdict Score(Observation student, Observation expected, string what, string mistakeText)
    {
        var (actual, wanted) = (student["pooled"], expected["pooled"]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            return Verdict.Fail($"{what}: expected shape ({string.Join(", ", wanted.Shape.ToArray())}); got ({string.Join(", ", actual.Shape.ToArray())}).");
        }

        var card = new Scorecard();
        if (actual.AllClose(student["mistake"], 1e-9) && !wanted.AllClose(student["mistake"], 1e-9))
        {
            card.Property(false, mistakeText, weight: 2);
        }
        else
        {
            card.Value(what, actual, wanted, weight: 2);
        }

        return card.Gradient($"the gradient of {what} with respect to the vectors (zero at padded positions)", student["grad_vectors"], expected["grad_vectors"]).Verdict;
    }
}
