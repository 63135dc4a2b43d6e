using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>One LSTM step: the next hidden and cell states, and the six gradients of the backward pass (on the reference's cache).</summary>
internal sealed class LstmStepCheck() : A3Check("a3.lstm_step", "LstmStep: gates f, i, c̃, o, the new cell and hidden state, and six gradients", 4,
    "Homework.A3.LstmStep.Forward", "Homework.A3.LstmStep.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly string[] Names = ["dx", "dprev_h", "dprev_c", "dWx", "dWh", "db"];

    public override Observation Probe(ProbeContext context)
    {
        var (x, h, c) = (context.Randn(4, 5), context.Randn(4, 3), context.Randn(4, 3));
        var (wx, wh, b) = (context.Randn(5, 12) * 0.5, context.Randn(3, 12) * 0.5, context.Randn(12) * 0.5);
        var (nextH, nextC, _) = LstmStep.Forward(x, h, c, wx, wh, b);
        var observation = new Observation { ["next_h"] = nextH, ["next_c"] = nextC };

        var cache = ReferenceCache(x, h, c, wx, wh, b);
        var (dnextH, dnextC) = (context.Randn(4, 3), context.Randn(4, 3));
        Record(observation, "", LstmStep.Backward(dnextH, dnextC, cache));
        Record(observation, "_ones", LstmStep.Backward(Ones(dnextH), Ones(dnextC), cache));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard()
            .Value("next_h", student["next_h"], expected["next_h"], weight: 1.5)
            .Value("next_c", student["next_c"], expected["next_c"], weight: 1.5);
        return Gradients(card, student, expected, Names).Verdict;
    }

    /// <summary>The cache as the assignment's gate order defines it, so the backward pass is graded on its own.</summary>
    internal static LstmStepCache ReferenceCache(Tensor x, Tensor h, Tensor c, Tensor wx, Tensor wh, Tensor b)
    {
        var hidden = h.Shape[1];
        var a = x.MatMul(wx) + h.MatMul(wh) + b;
        var (f, i, g, o) = (a.Narrow(1, 0, hidden).Sigmoid(), a.Narrow(1, hidden, hidden).Sigmoid(), a.Narrow(1, 2 * hidden, hidden).Tanh(), a.Narrow(1, 3 * hidden, hidden).Sigmoid());
        return new LstmStepCache(x, h, c, wx, wh, f, i, g, o, (f * c) + (i * g));
    }

    private static void Record(Observation observation, string suffix, (Tensor Dx, Tensor DprevH, Tensor DprevC, Tensor DWx, Tensor DWh, Tensor Db) g)
    {
        observation["dx" + suffix] = g.Dx;
        observation["dprev_h" + suffix] = g.DprevH;
        observation["dprev_c" + suffix] = g.DprevC;
        observation["dWx" + suffix] = g.DWx;
        observation["dWh" + suffix] = g.DWh;
        observation["db" + suffix] = g.Db;
    }
}
