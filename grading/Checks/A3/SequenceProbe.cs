using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>Runs the RNN or LSTM over a sequence (forward and backpropagation through time) and scores it: shared by the public and hidden checks.</summary>
internal static class SequenceProbe
{
    private static readonly string[] Names = ["dx", "dh0", "dWx", "dWh", "db"];

    /// <summary>Records h and the five gradients (and their ones-upstream variants) for inputs of the given sizes.</summary>
    public static Observation Run(ProbeContext context, CellType cell, int n, int t, int d, int h)
    {
        var gates = cell == CellType.Lstm ? 4 : 1;
        var (x, h0) = (context.Randn(n, t, d), context.Randn(n, h));
        var (wx, wh, b) = (context.Randn(d, gates * h) * 0.4, context.Randn(h, gates * h) * 0.4, context.Randn(gates * h) * 0.2);
        var dh = context.Randn(n, t, h);
        var observation = new Observation();
        if (cell == CellType.Lstm)
        {
            var (states, cache) = Lstm.Forward(x, h0, wx, wh, b);
            observation["h"] = states;
            Record(observation, "", Lstm.Backward(dh, cache));
            Record(observation, "_ones", Lstm.Backward((dh * 0.0) + 1.0, cache));
        }
        else
        {
            var (states, cache) = Rnn.Forward(x, h0, wx, wh, b);
            observation["h"] = states;
            Record(observation, "", Rnn.Backward(dh, cache));
            Record(observation, "_ones", Rnn.Backward((dh * 0.0) + 1.0, cache));
        }

        return observation;
    }

    /// <summary>The hidden states (a quarter of the points) and the gradients; the message says which step count and sizes.</summary>
    public static Verdict Score(Observation student, Observation expected)
    {
        var card = new Scorecard().Value("h", student["h"], expected["h"], weight: 5.0 / 3);
        foreach (var name in Names)
        {
            card.Gradient(name, student[name], expected[name], ignoringUpstream: expected[name + "_ones"]);
        }

        return card.Verdict;
    }

    private static void Record(Observation observation, string suffix, (Tensor Dx, Tensor Dh0, Tensor DWx, Tensor DWh, Tensor Db) g)
    {
        observation["dx" + suffix] = g.Dx;
        observation["dh0" + suffix] = g.Dh0;
        observation["dWx" + suffix] = g.DWx;
        observation["dWh" + suffix] = g.DWh;
        observation["db" + suffix] = g.Db;
    }
}
