using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// The masked temporal softmax loss and its gradient: summed over time, averaged over the minibatch; masked steps add nothing.
/// Large scores test numerical stability.
/// </summary>
internal sealed class TemporalSoftmaxLossCheck() : A3Check("a3.temporal_softmax_loss", "TemporalSoftmaxLoss: masked, summed over time, mean over the batch, stable", 3,
    "Homework.A3.TemporalLayers.TemporalSoftmaxLoss")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        var (scores, targets) = (context.Randn(4, 6, 9) * 3.0, context.Randint(0, 9, 4, 6));

        // Captions of lengths 6, 4, 2 and 5: the rest is padding.
        var lengths = new[] { 6, 4, 2, 5 };
        var mask = Tensor.FromArray([.. Enumerable.Range(0, 24).Select(k => k % 6 < lengths[k / 6])], 4, 6);
        var (loss, dx) = TemporalLayers.TemporalSoftmaxLoss(scores, targets, mask);
        var (lossFull, dxFull) = TemporalLayers.TemporalSoftmaxLoss(scores, targets, Tensor.Full([4, 6], 1, DType.Bool));

        // Scores far apart: one step spans 900 between two words, another has every score near 800. Exponentiating without
        // first subtracting each step's maximum (or subtracting the minimum, or adding the maximum) overflows there.
        var spread = new double[2 * 3 * 5];
        (spread[5], spread[6]) = (450, -450);
        for (var v = 25; v < 30; v++)
        {
            spread[v] = 800;
        }

        var large = context.Randn(2, 3, 5) + Tensor.FromArray(spread, 2, 3, 5);
        var (lossLarge, dxLarge) = TemporalLayers.TemporalSoftmaxLoss(large, context.Randint(0, 5, 2, 3), Tensor.Full([2, 3], 1, DType.Bool));
        var observation = new Observation { ["dx"] = dx, ["dx_all_steps"] = dxFull, ["dx_large"] = dxLarge };
        observation.Set("loss_large", lossLarge);
        observation.Set("loss", loss);
        observation.Set("loss_all_steps", lossFull);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("loss with padding masked", student["loss"], expected["loss"], batchSize: 4)
        .Value("loss with every step counted", student["loss_all_steps"], expected["loss_all_steps"], batchSize: 4)
        .Gradient("dx with padding masked", student["dx"], expected["dx"], weight: 2)
        .Gradient("dx with every step counted", student["dx_all_steps"], expected["dx_all_steps"])
        .Value("loss for scores hundreds apart (subtract each step's maximum before exp)", student["loss_large"], expected["loss_large"], batchSize: 2, weight: 0.5)
        .Gradient("dx for scores hundreds apart", student["dx_large"], expected["dx_large"], weight: 0.5)
        .Verdict;
}
