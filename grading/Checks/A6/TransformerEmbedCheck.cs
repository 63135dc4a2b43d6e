using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;

namespace Autograder.Host.Checks.A6;

/// <summary>Deliverable 1: word plus position embeddings on set weights (a missing position embedding and a concatenation named), and their gradients.</summary>
internal sealed class TransformerEmbedCheck() : A6Check("a6.transformer_embed", "TransformerTranslator.Embed: word + learned position embeddings", 1,
    "Homework.A6.TransformerTranslator.Embed")
{
    public override Observation Probe(ProbeContext context)
    {
        var s = TransformerProbe.Public;
        var observation = new Observation();
        if (TransformerProbe.Build(context, s, observation) is not { } model)
        {
            return observation;
        }

        var tokens = TransformerProbe.Tokens(context, s);
        using (Tensor.NoGrad())
        {
            var table = model.NamedParameters().First(p => p.Name == "embedding.weight").Parameter;
            observation["word_only"] = table.IndexSelect(0, tokens.Reshape(-1)).Reshape(s.N, s.T, s.Hidden);
        }

        var embedded = model.Embed(tokens);
        observation["embedded"] = embedded;
        ModuleProbe.Gradients(model, context, observation, embedded);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard();
        if (!TransformerProbe.ScoreNames(card, student, TransformerProbe.Public))
        {
            return card.Verdict;
        }

        var (actual, wanted) = (student["embedded"], expected["embedded"]);
        if (actual.Dim == 3 && actual.Shape[2] == 2 * wanted.Shape[2])
        {
            card.Property(false, "The embeddings are concatenated (the last size doubled): add the position embedding to the word embedding.", weight: 2);
        }
        else if (actual.Shape.SequenceEqual(wanted.Shape) && actual.AllClose(expected["word_only"], 1e-9))
        {
            card.Property(false, "The result is the word embeddings alone: add each position's embedding (positions 0 … T − 1).", weight: 2);
        }
        else
        {
            card.Value("the embeddings (N, T, hidden)", actual, wanted, weight: 2);
        }

        ModuleProbe.ScoreGradients(card, student, expected, "the embeddings");
        return card.Verdict;
    }
}
