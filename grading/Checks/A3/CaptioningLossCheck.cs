using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// CaptioningRnn.Loss for both cores on set weights: the loss and the gradient of all eight parameters. When a layer the model
/// uses fails its own check, the model is graded with the reference's layer in its place, and says so.
/// </summary>
internal sealed class CaptioningLossCheck() : A3Check("a3.captioning_loss", "CaptioningRnn.Loss ('rnn' and 'lstm'): loss and the gradients of all parameters", 5,
    "Homework.A3.CaptioningRnn.Loss")
{
    private static readonly string[] Parameters = ["W_proj", "b_proj", "W_embed", "Wx", "Wh", "b", "W_vocab", "b_vocab"];

    protected override IReadOnlyList<Substitution> Substitutes => [RnnStepFile, RnnFile, LstmStepFile, LstmFile, TemporalLayersFile];

    public override Observation Probe(ProbeContext context) =>
        Run(context, new CaptioningModel.Sizes(CaptioningModel.Vocabulary, 6, 5, 4), CaptioningModel.Captions());

    /// <summary>The loss and gradients of both cores at <paramref name="sizes"/> on <paramref name="captions"/> (padded with the sizes' null word).</summary>
    internal static Observation Run(ProbeContext context, CaptioningModel.Sizes sizes, Tensor captions)
    {
        var observation = new Observation();
        foreach (var cell in new[] { CellType.Rnn, CellType.Lstm })
        {
            var model = CaptioningModel.Create(context, cell, sizes, forSampling: false);
            var (loss, gradients) = model.Loss(context.Randn(captions.Shape[0], sizes.Input), captions);
            observation.Set($"{Prefix(cell)}loss", loss);
            foreach (var name in Parameters)
            {
                observation[Prefix(cell) + name] = gradients.TryGetValue(name, out var gradient)
                    ? gradient
                    : throw new KeyNotFoundException($"Loss returned no gradient for '{name}'; return one for every parameter ({string.Join(", ", Parameters)}).");
            }
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Scores a probe of <see cref="Run"/>.</summary>
    internal static Verdict Score(Observation student, Observation expected)
    {
        // The host never loads the homework: the judge names the cores by their prefixes, not by the CellType enum.
        var card = new Scorecard();
        foreach (var prefix in new[] { "rnn ", "lstm " })
        {
            card.Value($"{prefix}loss", student[prefix + "loss"], expected[prefix + "loss"], weight: 2);
            foreach (var name in Parameters)
            {
                card.Gradient(prefix + name, student[prefix + name], expected[prefix + name]);
            }
        }

        return card.Verdict;
    }

    private static string Prefix(CellType cell) => cell == CellType.Lstm ? "lstm " : "rnn ";
}
