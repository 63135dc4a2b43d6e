using Autograder.Grading.Judging;
using Autograder.Tensors;

namespace Autograder.Grading.Tests.Judging;

public sealed class GradientDiagnosisTests
{
    private static readonly Tensor Expected = Tensor.Randn(new Generator(1), [4, 3], DType.Float64);

    [Test]
    public void A_transposed_matrix_is_named()
    {
        Assert.That(GradientDiagnosis.Explain("dW", Expected.T.Contiguous(), Expected), Does.Contain("transpose"));
        var square = Tensor.Randn(new Generator(2), [3, 3], DType.Float64);
        Assert.That(GradientDiagnosis.Explain("dW", square.T.Contiguous(), square), Does.Contain("transpose of the expected value"));
    }

    [Test]
    public void Constant_factors_are_named_by_their_likely_cause()
    {
        Assert.That(GradientDiagnosis.Explain("dX", -Expected, Expected), Does.Contain("opposite sign"));
        Assert.That(GradientDiagnosis.Explain("dX", Expected * 8.0, Expected, batchSize: 8), Does.Contain("1/N) is missing"));
        Assert.That(GradientDiagnosis.Explain("dX", Expected / 8.0, Expected, batchSize: 8), Does.Contain("divided by N once too often"));
        Assert.That(GradientDiagnosis.Explain("dX", Expected * 2.0, Expected), Does.Contain("factor of 2"));
    }

    [Test]
    public void A_loss_N_times_too_large_is_named()
    {
        var loss = Tensor.Scalar(0.8, DType.Float64);
        Assert.That(Compare.Value("loss", loss * 8.0, loss, batchSize: 8), Does.Contain("1/N) is missing"));
        Assert.That(new Scorecard().Value("loss", loss * 8.0, loss, batchSize: 8).Verdict.Message, Does.Contain("1/N) is missing"));
        Assert.That(Compare.Value("loss", loss * 1.37, loss, batchSize: 8), Does.Not.Contain("Likely bug"), "one number is always a multiple of another");
    }

    [Test]
    public void An_all_zero_gradient_is_named_as_such_not_as_a_constant_factor()
    {
        var zero = GradientDiagnosis.Explain("dX", Tensor.ZerosLike(Expected), Expected);
        Assert.That(zero, Does.Contain("zero everywhere").And.Not.Contain("constant factor"));
        Assert.That(GradientDiagnosis.Explain("dX", -Tensor.ZerosLike(Expected), Expected), Does.Contain("zero everywhere"));
    }

    [Test]
    public void An_ignored_upstream_gradient_is_recognised()
    {
        var withOnes = Tensor.Randn(new Generator(3), [4, 3], DType.Float64);
        Assert.That(GradientDiagnosis.Explain("db", withOnes, Expected, ignoringUpstream: withOnes), Does.Contain("upstream gradient (dout) is not used"));
    }

    [Test]
    public void Unrelated_errors_get_no_hint_and_compare_names_the_worst_element()
    {
        var wrong = Expected.Clone();
        wrong[2, 1] = Tensor.Scalar(100, DType.Float64);
        Assert.That(GradientDiagnosis.Explain("dW", wrong, Expected), Is.Null);
        Assert.That(Compare.Gradient("dW", wrong, Expected), Does.StartWith("dW[2, 1] is 100; expected"));
        Assert.That(Compare.Gradient("dW", Expected, Expected), Is.Null);
    }
}
