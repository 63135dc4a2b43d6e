using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.Support;

/// <summary>What the model checks of A1 and A2 share: scores, then loss and every gradient at several regularisation strengths.</summary>
internal static class ModelLossProbe
{
    /// <summary>Records the model's scores, and its loss and the gradients of <paramref name="names"/> for each strength (set through <paramref name="setReg"/>).</summary>
    public static Observation Run(IModel model, Action<double> setReg, Tensor x, Tensor y, IReadOnlyList<double> regs, IReadOnlyList<string> names)
    {
        var observation = new Observation { ["scores"] = model.Scores(x) };
        foreach (var reg in regs)
        {
            setReg(reg);
            var (loss, gradients) = model.Loss(x, y);
            observation.Set($"loss_reg{reg:0.0}", loss);
            foreach (var name in names)
            {
                observation[$"d{name}_reg{reg:0.0}"] = gradients[name];
            }
        }

        observation.Set("n", x.Shape[0]);
        return observation;
    }

    /// <summary>Scores 1, each loss 1, each strength's set of gradients 1 (shared equally by the parameters).</summary>
    public static Verdict Score(Observation student, Observation expected, IReadOnlyList<double> regs, IReadOnlyList<string> names)
    {
        var n = (int)expected["n"].Item();
        var card = new Scorecard().Value("scores", student["scores"], expected["scores"]);
        foreach (var reg in regs.Select(r => $"{r:0.0}"))
        {
            card.Value($"loss (reg {reg})", student[$"loss_reg{reg}"], expected[$"loss_reg{reg}"]);
            foreach (var name in names)
            {
                card.Gradient($"d{name} (reg {reg})", student[$"d{name}_reg{reg}"], expected[$"d{name}_reg{reg}"], weight: 1.0 / names.Count, batchSize: n);
            }
        }

        return card.Verdict;
    }
}
