using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>
/// The Fashion-MNIST CNN's architecture: 769,930 parameters named and shaped as specified; with set weights (float64), the
/// evaluation-mode log-probabilities of three images equal the reference's (layer order, padding, pooling, log-softmax);
/// dropout active in training mode only.
/// </summary>
internal sealed class FashionCnnCheck() : A2Check("a2.fashion_cnn", "FashionCnn: parameters, forward pass, dropout", 4,
    "Homework.A2.FashionCnn.Forward")
{
    /// <summary>The parameters by name and shape, from the architecture in the assignment (16·1·3·3 + 16 + … = 769,930).</summary>
    internal static readonly (string Name, int[] Shape)[] Parameters =
    [
        ("conv1.weight", [16, 1, 3, 3]), ("conv1.bias", [16]), ("conv2.weight", [32, 16, 3, 3]), ("conv2.bias", [32]),
        ("fc1.weight", [600, 1152]), ("fc1.bias", [600]), ("fc2.weight", [120, 600]), ("fc2.bias", [120]),
        ("fc3.weight", [10, 120]), ("fc3.bias", [10]),
    ];

    public override Observation Probe(ProbeContext context)
    {
        Init.ManualSeed(context.Seed);
        var model = new FashionCnn();
        model.Call(Tensor.Zeros(1, 1, 28, 28)); // first a plain forward pass: an unwritten or mis-shaped model reports here
        var observation = new Observation();
        observation.Set("parameter_count", model.ParameterCount());
        var named = model.NamedParameters().Select(p => (p.Name, Shape: p.Parameter.Shape.ToArray())).ToList();
        var matches = named.Count == Parameters.Length && named.Zip(Parameters).All(p => p.First.Name == p.Second.Name && p.First.Shape.SequenceEqual(p.Second.Shape));
        observation.Set("names_match", matches ? 1 : 0);
        if (!matches)
        {
            return observation;
        }

        model.To(DType.Float64);
        model.LoadStateDict(Parameters.ToDictionary(p => p.Name, p => context.Randn(p.Shape) / Math.Sqrt(p.Shape.Skip(1).Aggregate(1, (a, b) => a * b))));
        var images = context.Randn(3, 1, 28, 28);
        using (Tensor.NoGrad())
        {
            model.Eval();
            observation["eval_output"] = model.Call(images);
            model.Train();
            var (first, second) = (model.Call(images), model.Call(images));
            observation.Set("dropout_in_training", !first.AllClose(second, 1e-12) ? 1 : 0);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard().Value("parameter count (769,930)", student["parameter_count"], expected["parameter_count"], tolerance: 0);
        var names = string.Join(", ", Parameters.Select(p => $"{p.Name} ({string.Join("×", p.Shape)})"));
        card.Property(student["names_match"].Item() == 1, $"The parameters must be, in this order: {names}. Name the fields _conv1, _conv2, _fc1, _fc2, _fc3 and declare them in that order.");
        if (student.Contains("eval_output"))
        {
            card.Value("log-probabilities in evaluation mode, with set weights", student["eval_output"], expected["eval_output"], weight: 2);
            card.Property(student["dropout_in_training"].Item() == 1, "Two forward passes in training mode gave the same output: dropout (p = 0.25) after fc1's ReLU is missing.", weight: 0.5);
        }
        else
        {
            card.Property(false, "The forward pass was not run: the parameters' names or shapes differ.", weight: 2.5);
        }

        return card.Verdict;
    }
}
