using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>The naive RNN unit: its parameters; with set weights (float64) one step's log-probabilities and hidden state, and the gradients.</summary>
internal sealed class VanillaRnnCheck() : A6Check("a6.vanilla_rnn", "VanillaRnn: i2h and i2o over [x, h], tanh, log-softmax, gradients", 1,
    "Homework.A6.VanillaRnn.Forward")
{
    private const int N = 3, D = 4, H = 5, O = 6;

    private static readonly (string Name, int[] Shape)[] Parameters =
        [("i2h.weight", [H, D + H]), ("i2h.bias", [H]), ("i2o.weight", [O, D + H]), ("i2o.bias", [O])];

    public override Observation Probe(ProbeContext context)
    {
        var model = new VanillaRnn(D, H, O);
        var observation = new Observation();
        if (!ModuleProbe.SetWeights(model, Parameters, context, observation))
        {
            return observation;
        }

        var (output, hidden) = model.Forward(context.Randn(N, D), context.Randn(N, H));
        (observation["output"], observation["hidden"]) = (output, hidden);
        ModuleProbe.Gradients(model, context, observation, output, hidden);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard();
        if (!ModuleProbe.ScoreNames(card, student, Parameters, "_i2h, _i2o"))
        {
            card.Property(false, "Nothing else was run: the parameters' names or shapes differ.", weight: 3);
            return card.Verdict;
        }

        Seq2SeqProbe.ScoreLogProbabilities(card, "the output (N, O)", student["output"], expected["output"]);
        card.Value("the next hidden state (N, H)", student["hidden"], expected["hidden"]);
        ModuleProbe.ScoreGradients(card, student, expected, "the output and hidden state");
        return card.Verdict;
    }
}
