using Autograder.Tensors.Checking;

namespace Autograder.Tensors.Tests.Checking;

public sealed class GradCheckTests
{
    [Test]
    public void A_wrong_gradient_is_caught_and_located()
    {
        // Analytic gradient of Σ x² · R deliberately off by a factor of two at one element.
        var x = Tensor.Randn(new Generator(5), [3, 4], DType.Float64);
        var upstream = Tensor.Ones([3, 4], DType.Float64);
        var (numeric, elements) = GradCheck.Numerical(t => t * t, x, upstream);
        var analytic = (x * 2.0).Clone();
        analytic[1, 2] = analytic[1, 2] * 2.0;
        var result = GradCheck.Compare("x", analytic, numeric, elements, 1e-6);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.WorstIndex, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.MaxRelativeError, Is.EqualTo(1.0 / 3.0).Within(1e-6), "|2a − a| / (|2a| + |a|) = 1/3");
        Assert.That(result.ToString(), Does.Contain("x (3, 4)").And.Contain("at [1, 2]").And.Contain("FAILED"));
    }

    [Test]
    public void Correct_gradients_pass_with_tiny_errors()
    {
        var result = GradCheck.Check(x => x[0].MatMul(x[1]).Tanh(), [Tensor.Randn(new Generator(1), [3, 4]), Tensor.Randn(new Generator(2), [4, 2])], names: ["A", "B"]);
        Assert.That(result.Passed, Is.True, result.ToString());
        Assert.That(result.MaxRelativeError, Is.LessThan(1e-7));
        Assert.That(result.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void Sampling_checks_the_requested_number_of_elements_deterministically()
    {
        var options = new GradCheckOptions(MaxElementsPerInput: 5, Seed: 9);
        var first = GradCheck.Check(x => x[0].Exp(), [Tensor.Randn(new Generator(1), [10, 10])], options);
        var second = GradCheck.Check(x => x[0].Exp(), [Tensor.Randn(new Generator(1), [10, 10])], options);
        Assert.That(first.Inputs[0].ElementsChecked, Is.EqualTo(5));
        Assert.That(second.Inputs[0].MaxRelativeError, Is.EqualTo(first.Inputs[0].MaxRelativeError));
    }

    [Test]
    public void A_nan_gradient_fails()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0 });
        var (numeric, elements) = GradCheck.Numerical(t => t * 3.0, x, Tensor.OnesLike(x));
        var result = GradCheck.Compare("x", Tensor.FromArray(new[] { 3.0, double.NaN }), numeric, elements, 1e-6);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.WorstIndex, Is.EqualTo(new[] { 1 }));
    }
}
