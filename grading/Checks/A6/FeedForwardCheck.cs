using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;

namespace Autograder.Host.Checks.A6;

/// <summary>Deliverable 3: the position-wise feed-forward network with its residual and LayerNorm on set weights (the residual after the norm named), and the gradients.</summary>
internal sealed class FeedForwardCheck() : A6Check("a6.feedforward", "TransformerTranslator.FeedForward: Linear-ReLU-Linear, residual, LayerNorm", 1,
    "Homework.A6.TransformerTranslator.FeedForward")
{
    private const string Formula = "LayerNorm(x + Linear₂(ReLU(Linear₁(x))))";

    public override Observation Probe(ProbeContext context)
    {
        var s = TransformerProbe.Public;
        var observation = new Observation();
        if (TransformerProbe.Build(context, s, observation) is not { } model)
        {
            return observation;
        }

        TransformerProbe.Record(observation, model, "normFf.weight");
        TransformerProbe.Record(observation, model, "normFf.bias");
        var output = model.FeedForward(context.Randn(s.N, s.T, s.Hidden));
        observation["the output"] = output;
        ModuleProbe.Gradients(model, context, observation, output);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard();
        if (!TransformerProbe.ScoreNames(card, student, TransformerProbe.Public))
        {
            return card.Verdict;
        }

        TransformerProbe.ScoreNormalised(card, student, expected, "the output", "normFf", Formula);
        ModuleProbe.ScoreGradients(card, student, expected, "the output");
        return card.Verdict;
    }
}
