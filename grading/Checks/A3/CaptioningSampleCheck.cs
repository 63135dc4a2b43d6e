using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>Greedy sampling on set weights, for both cores: the same words as the reference, step by step.</summary>
internal sealed class CaptioningSampleCheck() : A3Check("a3.captioning_sample", "CaptioningRnn.Sample: greedy captions from set weights", 3,
    "Homework.A3.CaptioningRnn.Sample")
{
    protected override IReadOnlyList<Substitution> Substitutes => [RnnStepFile, LstmStepFile, TemporalLayersFile];

    public override Observation Probe(ProbeContext context) => Run(context, new CaptioningModel.Sizes(CaptioningModel.Vocabulary, 6, 8, 16), captions: 4, length: 8);

    /// <summary>Greedy captions of both cores for <paramref name="captions"/> images, with weights and features from the seed.</summary>
    public static Observation Run(ProbeContext context, CaptioningModel.Sizes sizes, int captions, int length)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sizes);
        var observation = new Observation();
        foreach (var cell in new[] { CellType.Rnn, CellType.Lstm })
        {
            var model = CaptioningModel.Create(context, cell, sizes, forSampling: true);
            observation[cell == CellType.Lstm ? "lstm" : "rnn"] = model.Sample(context.Randn(captions, sizes.Input) * 2.0, maxLength: length).To(Autograder.Tensors.DType.Float64);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Scores both cores' captions.</summary>
    public static Verdict Score(Observation student, Observation expected)
    {
        var card = new Scorecard();
        foreach (var name in new[] { "rnn", "lstm" })
        {
            card.Property(
                student[name].Shape.SequenceEqual(expected[name].Shape) && student[name].Eq(expected[name]).All(),
                $"{name} captions: expected words {Words(expected[name])}, got {Words(student[name])} (each step feeds back the arg-max word, starting from the start word, for exactly maxLength steps).");
        }

        return card.Verdict;
    }

    private static string Words(Autograder.Tensors.Tensor captions) =>
        string.Join(" / ", Enumerable.Range(0, captions.Shape[0]).Select(i => string.Join(' ', captions[i].ToArray<double>().Select(v => (long)v))));
}
