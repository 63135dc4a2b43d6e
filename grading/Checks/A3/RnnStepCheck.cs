using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>One RNN step: the next hidden state (a quarter of the points) and the five gradients of the backward pass.</summary>
internal sealed class RnnStepCheck() : A3Check("a3.rnn_step", "RnnStep: h = tanh(x Wx + h Wh + b) and its five gradients", 3,
    "Homework.A3.RnnStep.Forward", "Homework.A3.RnnStep.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    internal static readonly string[] Names = ["dx", "dprev_h", "dWx", "dWh", "db"];

    public override Observation Probe(ProbeContext context)
    {
        var (x, h, wx, wh, b) = (context.Randn(4, 5), context.Randn(4, 6), context.Randn(5, 6) * 0.4, context.Randn(6, 6) * 0.4, context.Randn(6));
        var (next, _) = RnnStep.Forward(x, h, wx, wh, b);

        // The backward pass on the reference's cache: it is graded even when the student's forward pass is wrong.
        var cache = new RnnStepCache(x, h, wx, wh, (x.MatMul(wx) + h.MatMul(wh) + b).Tanh());
        var dnext = context.Randn(4, 6);
        var observation = new Observation { ["next_h"] = next };
        Record(observation, "", RnnStep.Backward(dnext, cache));
        Record(observation, "_ones", RnnStep.Backward(Ones(dnext), cache));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) =>
        Gradients(new Scorecard().Value("next_h", student["next_h"], expected["next_h"], weight: 5.0 / 3), student, expected, Names).Verdict;

    private static void Record(Observation observation, string suffix, (Autograder.Tensors.Tensor Dx, Autograder.Tensors.Tensor DprevH, Autograder.Tensors.Tensor DWx, Autograder.Tensors.Tensor DWh, Autograder.Tensors.Tensor Db) g)
    {
        observation["dx" + suffix] = g.Dx;
        observation["dprev_h" + suffix] = g.DprevH;
        observation["dWx" + suffix] = g.DWx;
        observation["dWh" + suffix] = g.DWh;
        observation["db" + suffix] = g.Db;
    }
}
