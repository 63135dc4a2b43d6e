using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A6;

/// <summary>Deliverable 3: the position-wise feed-forward network with its residual and LayerNorm on set weights (the residual after the norm named), and the gradients.</summary>
internal sealed class FeedForwardCheck() : A6Check("a6.feedforward", "TransformerTranslator.FeedForward: Linear-ReLU-Linear, residual, LayerNorm", 1,
    "Homework.A6.TransformerTranslator.FeedForward")
{
    public override Observation Probe(ProbeContext context) => TransformerProbe.Sublayer(context, "normFf", (model, x) => model.FeedForward(x));

    public override Verdict Judge(Observation student, Observation expected) =>
        TransformerProbe.ScoreSublayer(student, expected, "normFf", "LayerNorm(x + Linear₂(ReLU(Linear₁(x))))");
}
