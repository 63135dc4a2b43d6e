using Autograder.Grading.Checks;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// The RNN model: built from a pretrained table it keeps the table and goes on learning; its parameters; with set weights the
/// probabilities of a batch of sentences of different lengths (read at each one's last real word) and the gradients.
/// </summary>
internal sealed class RnnClassifierCheck() : A5Check("a5.rnn_classifier", "RnnClassifier: GloVe-initialised, RNN, last real word, probabilities, gradients", 1.5,
    "Homework.A5.RnnClassifier.Forward")
{
    protected override IReadOnlyList<Substitution> Substitutes => [PoolingFile];

    public override Observation Probe(ProbeContext context) => Run(context, SentenceProbe.Public);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected, SentenceProbe.Public);

    /// <summary>Probes a model of the given sizes.</summary>
    public static Observation Run(ProbeContext context, SentenceProbe.Sizes s) => ClassifierProbe.Recurrent(context, s, (table, h) => new RnnClassifier(table, h), "rnn", 1);

    /// <summary>Scores a probe of the given sizes.</summary>
    public static Verdict Score(Observation student, Observation expected, SentenceProbe.Sizes s) => ClassifierProbe.ScoreRecurrent(student, expected, s, "rnn", 1);
}
