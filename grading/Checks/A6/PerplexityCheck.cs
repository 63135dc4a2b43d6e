using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// Perplexity: a hand-computed case (a model spreading its probability evenly over 4 words has perplexity exactly 4, whatever
/// the padding), then random log-probabilities with padded targets against the reference (padding counted, named).
/// </summary>
internal sealed class PerplexityCheck() : A6Check("a6.perplexity", "Perplexity: exp of the mean cross-entropy over real tokens", 0.5,
    "Homework.A6.Perplexity.Compute")
{
    public override Observation Probe(ProbeContext context)
    {
        var targets = Tensor.FromArray(new long[] { 2, 5, 6, 3, 1, 1, 2, 7, 3, 1, 1, 1 }, 2, 6);
        var observation = new Observation
        {
            ["log_probabilities"] = context.Randn(2, 6, 8).LogSoftmax(2),
            ["targets"] = targets,
        };
        var uniform = Tensor.Full([2, 6, 4], Math.Log(0.25), DType.Float64);
        observation["uniform"] = Perplexity.Compute(uniform, Tensor.FromArray(new long[] { 2, 0, 3, 3, 1, 1, 2, 0, 3, 1, 1, 1 }, 2, 6));
        observation["perplexity"] = Perplexity.Compute(observation["log_probabilities"], targets);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (logp, targets) = (expected["log_probabilities"], expected["targets"]);
        var everyPosition = (-logp.Gather(2, targets.Unsqueeze(2))).Mean().Exp();
        var card = new Scorecard()
            .Value("the perplexity of a uniform model over 4 words (exactly 4)", student["uniform"].Reshape(-1), Tensor.FromArray(new double[] { 4 }, 1), weight: 0.5);
        return (student["perplexity"].Reshape(-1).AllClose(everyPosition.Reshape(-1), 1e-9)
            ? card.Property(false, "The padding positions are counted: average only over targets that are not <pad> (SpecialTokens.Padding).")
            : card.Value("the perplexity with padded targets", student["perplexity"].Reshape(-1), expected["perplexity"].Reshape(-1))).Verdict;
    }
}
