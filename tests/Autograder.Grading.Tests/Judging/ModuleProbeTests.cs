using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;

namespace Autograder.Grading.Tests.Judging;

/// <summary>The gradients' message says what the likely cause is: detached code when the values are right, the values when they are not.</summary>
public sealed class ModuleProbeTests
{
    private static readonly Tensor Output = Tensor.FromArray([1.0, 2.0, 3.0], 3);

    [Test]
    public void Wrong_gradients_with_right_values_suggest_a_detached_computation()
    {
        var (student, expected) = Observations(Output);
        var card = new Scorecard().Value("output", Output, Output);
        ModuleProbe.ScoreGradients(card, student, expected, "the output");
        Assert.That(card.Verdict.Message, Does.Contain("detached").And.Contain("w"));
    }

    [Test]
    public void Wrong_gradients_after_wrong_values_point_at_the_values()
    {
        var (student, expected) = Observations(Output * 2.0);
        var card = new Scorecard().Value("output", student["output"], expected["output"]);
        ModuleProbe.ScoreGradients(card, student, expected, "the output");
        Assert.That(card.Verdict.Message, Does.Contain("fix those first").And.Not.Contain("detached"));
    }

    private static (Observation Student, Observation Expected) Observations(Tensor studentOutput) =>
        (new Observation { ["output"] = studentOutput, ["grad_w"] = Tensor.FromArray([0.0, 0.0], 2) },
         new Observation { ["output"] = Output, ["grad_w"] = Tensor.FromArray([0.5, -1.0], 2) });
}
