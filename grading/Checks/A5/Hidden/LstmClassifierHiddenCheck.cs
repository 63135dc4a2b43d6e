using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A5.Hidden;

/// <summary>The LSTM model on per-student sizes, vocabulary and lengths (hidden).</summary>
internal sealed class LstmClassifierHiddenCheck() : A5Check("a5.lstm_classifier_hidden", "LstmClassifier on unseen sizes and lengths", 1, Visibility.Hidden,
    "Homework.A5.LstmClassifier.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [PoolingFile];

    public override Observation Probe(ProbeContext context)
    {
        var sizes = SentenceProbe.Sizes.Draw(context);
        var observation = LstmClassifierCheck.Run(context, sizes);
        observation["sizes"] = Autograder.Tensors.Tensor.FromArray(new double[] { sizes.N, sizes.T, sizes.V, sizes.D, sizes.H }, 5);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var s = expected["sizes"].ToArray<double>().Select(v => (int)v).ToArray();
        return LstmClassifierCheck.Score(student, expected, new SentenceProbe.Sizes(s[0], s[1], s[2], s[3], s[4]));
    }
}
