using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// What the model checks share: the parameters' names and shapes; a model built from a pretrained table keeps it and goes on
/// learning; with weights set from the seed (float64), the probabilities of a padded batch and every parameter's gradient.
/// </summary>
internal static class ClassifierProbe
{
    /// <summary>Records whether a model built from <paramref name="pretrained"/> copied it into <c>embed.weight</c> and left it trainable.</summary>
    public static void Pretrained(Observation observation, Module model, Tensor pretrained)
    {
        var embed = model.NamedParameters().Where(p => p.Name == "embed.weight").Select(p => p.Parameter).FirstOrDefault();
        observation.Set("pretrained_copied", embed is not null && embed.Shape.SequenceEqual(pretrained.Shape) && embed.To(DType.Float64).AllClose(pretrained.To(DType.Float64), 1e-6) ? 1 : 0);
        observation.Set("pretrained_trainable", embed?.RequiresGrad == true ? 1 : 0);
    }

    /// <summary>Sets the weights (when the names match) and records the probabilities of a batch and the parameters' gradients.</summary>
    public static Observation Run(ProbeContext context, SentenceClassifier model, (string Name, int[] Shape)[] parameters, SentenceProbe.Sizes sizes, Observation? observation = null)
    {
        observation ??= new Observation();
        if (!ModuleProbe.SetWeights(model, parameters, context, observation))
        {
            return observation;
        }

        var (tokens, lengths) = SentenceProbe.Batch(context, sizes);
        model.Eval();
        var probabilities = model.Forward(tokens, lengths);
        observation["probabilities"] = probabilities.Detach();
        ModuleProbe.Gradients(model, context, observation, probabilities);
        return observation;
    }

    /// <summary>Scores names, probabilities and gradients, naming a missing or doubled sigmoid.</summary>
    public static Scorecard Score(Observation student, Observation expected, (string Name, int[] Shape)[] parameters, string fields)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, parameters, fields))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3);
            return card;
        }

        var (actual, wanted) = (student["probabilities"], expected["probabilities"]);
        if (actual.Shape.SequenceEqual(wanted.Shape) && actual.AllClose(wanted.Sigmoid(), 1e-9))
        {
            card.Property(false, "The probabilities are the sigmoid of the right probabilities: the sigmoid is applied twice.", weight: 1.5);
        }
        else if (actual.Shape.SequenceEqual(wanted.Shape) && !(actual.Gt(0.0).All() && actual.Lt(1.0).All()))
        {
            card.Property(false, "Some outputs are outside (0, 1): Forward must end with a sigmoid (it returns probabilities, not scores).", weight: 1.5);
        }
        else
        {
            card.Value("the probabilities (N)", actual, wanted, weight: 1.5);
        }

        ModuleProbe.ScoreGradients(card, student, expected, "the probabilities");
        return card;
    }

    /// <summary>Probes a recurrent model (<paramref name="layer"/> with <paramref name="gates"/> gate blocks) built from a random pretrained table.</summary>
    public static Observation Recurrent(ProbeContext context, SentenceProbe.Sizes s, Func<Tensor, int, SentenceClassifier> create, string layer, int gates)
    {
        var observation = new Observation();
        var pretrained = context.Randn(s.V, s.D).To(DType.Float32);
        var model = create(pretrained, s.H);
        Pretrained(observation, model, pretrained);
        return Run(context, model, SentenceProbe.RecurrentParameters(s, layer, gates), s, observation);
    }

    /// <summary>Scores a probe of <see cref="Recurrent"/>: names, probabilities, gradients and the pretrained table's use.</summary>
    public static Verdict ScoreRecurrent(Observation student, Observation expected, SentenceProbe.Sizes s, string layer, int gates) =>
        ScorePretrained(Score(student, expected, SentenceProbe.RecurrentParameters(s, layer, gates), $"_embed, _{layer}, _linear"), student).Verdict;

    /// <summary>Scores the pretrained table's use: copied, and trainable (Embedding.FromPretrained freezes unless told not to).</summary>
    public static Scorecard ScorePretrained(Scorecard card, Observation student) => card
        .Property(student["pretrained_copied"].Item() == 1, "A model built from a pretrained table must start with embed.weight equal to it.", weight: 0.5)
        .Property(student["pretrained_trainable"].Item() == 1, "embed.weight does not require grad: the GloVe-initialised embeddings must go on learning (Embedding.FromPretrained(..., freeze: false)).", weight: 0.5);
}
