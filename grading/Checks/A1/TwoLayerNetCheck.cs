using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>The two-layer net's scores, and its loss and gradients without and with regularisation, on set parameters.</summary>
internal sealed class TwoLayerNetCheck() : A1Check("a1.two_layer_net", "TwoLayerNet: scores, loss and gradients (reg 0 and 0.7)", 5,
    "Homework.A1.TwoLayerNet.Loss", "Homework.A1.TwoLayerNet.Scores")
{
    private static readonly string[] Names = ["W1", "b1", "W2", "b2"];

    protected override IReadOnlyList<Substitution> Substitutes => [LayersFile];

    public override Observation Probe(ProbeContext context) => Run(context, n: 3, d: 5, h: 6, c: 4);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Runs the net at the given sizes (shared with the hidden check).</summary>
    internal static Observation Run(ProbeContext context, int n, int d, int h, int c)
    {
        var model = new TwoLayerNet(d, h, c, 1e-3, 0, context.Generator);
        foreach (var (name, shape) in new[] { ("W1", new[] { d, h }), ("b1", [h]), ("W2", [h, c]), ("b2", [c]) })
        {
            model.Parameters[name] = context.Randn(shape);
        }

        var (x, y) = (context.Randn(n, d), context.Randint(0, c, n));
        var observation = new Observation { ["scores"] = model.Scores(x) };
        foreach (var reg in new[] { 0.0, 0.7 })
        {
            model.Reg = reg;
            var (loss, gradients) = model.Loss(x, y);
            observation.Set($"loss_reg{reg:0.0}", loss);
            foreach (var name in Names)
            {
                observation[$"d{name}_reg{reg:0.0}"] = gradients[name];
            }
        }

        observation.Set("n", n);
        return observation;
    }

    /// <summary>Scores 1, each loss 1, each set of four gradients 1 (a quarter per parameter).</summary>
    internal static Verdict Score(Observation student, Observation expected)
    {
        var n = (int)expected["n"].Item();
        var card = new Scorecard().Value("scores", student["scores"], expected["scores"]);
        foreach (var reg in new[] { "0.0", "0.7" })
        {
            card.Value($"loss (reg {reg})", student[$"loss_reg{reg}"], expected[$"loss_reg{reg}"]);
            foreach (var name in Names)
            {
                card.Gradient($"d{name} (reg {reg})", student[$"d{name}_reg{reg}"], expected[$"d{name}_reg{reg}"], weight: 0.25, batchSize: n);
            }
        }

        return card.Verdict;
    }
}
