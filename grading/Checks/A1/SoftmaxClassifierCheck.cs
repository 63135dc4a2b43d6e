using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>The softmax classifier's scores, regularised loss and gradients on set parameters.</summary>
internal sealed class SoftmaxClassifierCheck() : A1Check("a1.softmax_classifier", "SoftmaxClassifier: scores, loss with L2, gradients", 3,
    "Homework.A1.SoftmaxClassifier.Loss", "Homework.A1.SoftmaxClassifier.Scores")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [LayersFile];

    public override Observation Probe(ProbeContext context)
    {
        var model = new SoftmaxClassifier(4, 3, 1e-2, 0.3, context.Generator);
        model.Parameters["W"] = context.Randn(4, 3);
        model.Parameters["b"] = context.Randn(3);
        var (x, y) = (context.Randn(5, 4), context.Randint(0, 3, 5));
        var scores = model.Scores(x);
        var (loss, gradients) = model.Loss(x, y);
        var observation = new Observation { ["scores"] = scores, ["dW"] = gradients["W"], ["db"] = gradients["b"] };
        observation.Set("loss", loss);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("scores", student["scores"], expected["scores"])
        .Value("loss", student["loss"], expected["loss"], batchSize: 5)
        .Gradient("dW", student["dW"], expected["dW"], weight: 0.5, batchSize: 5)
        .Gradient("db", student["db"], expected["db"], weight: 0.5, batchSize: 5)
        .Verdict;
}
