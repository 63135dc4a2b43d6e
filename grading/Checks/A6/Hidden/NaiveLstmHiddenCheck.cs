using Autograder.Grading.Checks;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6.Hidden;

/// <summary>The LSTM from its own parameters on per-student sizes (hidden): N 1–4, T 1–7, D 1–6, H 1–6.</summary>
internal sealed class NaiveLstmHiddenCheck() : A6Check("a6.naive_lstm_hidden", "NaiveLstm on unseen sizes and lengths", 1, Visibility.Hidden,
    "Homework.A6.NaiveLstm.Forward")
{
    public override Observation Probe(ProbeContext context)
    {
        int Next(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var s = (N: Next(1, 4), T: Next(1, 7), D: Next(1, 6), H: Next(1, 6));
        var observation = NaiveLstmCheck.Run(context, s);
        observation["sizes"] = Tensor.FromArray(new double[] { s.N, s.T, s.D, s.H }, 4);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var s = expected["sizes"].ToArray<double>().Select(v => (int)v).ToArray();
        return NaiveLstmCheck.Score(student, expected, (s[0], s[1], s[2], s[3]));
    }
}
