using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Autograder.Host.Checks.Support;

/// <summary>
/// What checks of nn-library models share: the parameters' names and shapes, weights set from the check's seed (float64, so
/// values compare at 1e-7), and the gradients of a fixed random projection of the outputs.
/// </summary>
internal static class ModuleProbe
{
    /// <summary>
    /// Records whether <paramref name="model"/>'s parameters are <paramref name="expected"/>; when they are, converts it to
    /// float64 and sets every parameter from the seed (scaled by 0.5, biases included, so a dropped bias shows) and returns true.
    /// </summary>
    public static bool SetWeights(Module model, (string Name, int[] Shape)[] expected, ProbeContext context, Observation observation)
    {
        var named = model.NamedParameters().Select(p => (p.Name, Shape: p.Parameter.Shape.ToArray())).ToList();
        var matches = named.Count == expected.Length && named.Zip(expected).All(p => p.First.Name == p.Second.Name && p.First.Shape.SequenceEqual(p.Second.Shape));
        observation.Set("names_match", matches ? 1 : 0);
        if (matches)
        {
            model.To(DType.Float64);
            model.LoadStateDict(expected.ToDictionary(p => p.Name, p => context.Randn(p.Shape) * 0.5));
        }

        return matches;
    }

    /// <summary>Backpropagates Σ outputᵢ ⊙ Rᵢ (R drawn from the seed) and records every parameter's gradient as <c>grad_NAME</c>.</summary>
    public static void Gradients(Module model, ProbeContext context, Observation observation, params Tensor[] outputs)
    {
        var loss = outputs.Select(o => (o * context.Randn([.. o.Shape.ToArray()])).Sum()).Aggregate((a, b) => a + b);
        loss.Backward();
        foreach (var (name, parameter) in model.NamedParameters())
        {
            observation["grad_" + name] = parameter.Grad ?? Tensor.ZerosLike(parameter);
        }
    }

    /// <summary>Scores the parameter names; false when the rest was not probed.</summary>
    public static bool ScoreNames(Scorecard card, Observation student, (string Name, int[] Shape)[] expected, string fields)
    {
        var names = string.Join(", ", expected.Select(p => $"{p.Name} ({string.Join("×", p.Shape)})"));
        var matches = student["names_match"].Item() == 1;
        card.Property(matches, $"The parameters must be, in this order: {names}. Declare the fields {fields} in that order.", weight: 0.5);
        return matches;
    }

    /// <summary>Scores every <c>grad_NAME</c> entry against the reference's, as one item.</summary>
    public static void ScoreGradients(Scorecard card, Observation student, Observation expected, string what)
    {
        var wrong = expected.Names.Where(n => n.StartsWith("grad_", StringComparison.Ordinal))
            .Where(n => !student.Contains(n) || !student[n].Shape.SequenceEqual(expected[n].Shape) || !student[n].AllClose(expected[n], 1e-6))
            .Select(n => n[5..]).ToList();
        var list = string.Join(", ", wrong);
        card.Property(wrong.Count == 0, card.HasFailed
            ? $"Gradients of {what} differ from the reference's for {list}, as they must while the values above differ: fix those first."
            : $"Gradients of {what} differ from the reference's for {list}: is part of the computation detached, done without the graph (NoGrad, Item, ToArray), or shared between steps incorrectly?");
    }
}
