using Autograder.Grading.Judging;
using Autograder.Tensors;

namespace Autograder.Grading.Tests.Judging;

/// <summary>The half-credit band: only differences that float32 arithmetic explains earn it.</summary>
public sealed class ScorecardTests
{
    private static readonly double[] Reference = [3.25, -1.5, 1e-3, 7.0, -0.125, 2.0];

    [Test]
    public void The_same_computation_in_float32_earns_half()
    {
        var expected = Tensor.FromArray(Reference, 2, 3);
        var actual = expected.Float().Double() * 1.000001;
        var verdict = new Scorecard().Value("out", actual, expected).Verdict;
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Fraction, Is.EqualTo(0.5));
            Assert.That(verdict.Message, Does.Contain("float32 rounding"));
        });
    }

    [Test]
    public void A_wrong_constant_within_a_tenth_of_a_percent_earns_nothing()
    {
        // Every element within the per-element 1e-3, but 5e-4 of the result's scale: a logic error, not rounding.
        var expected = Tensor.FromArray(Reference, 2, 3);
        var verdict = new Scorecard().Value("out", expected * 1.0005, expected).Verdict;
        Assert.That(verdict.Fraction, Is.Zero, verdict.Message);
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_value_that_is_not_finite_earns_nothing(double bad)
    {
        var expected = Tensor.FromArray(Reference, 6);
        var values = (double[])Reference.Clone();
        values[2] = bad;
        var verdict = new Scorecard().Value("out", Tensor.FromArray(values, 6), expected).Verdict;
        Assert.That(verdict.Fraction, Is.Zero, verdict.Message);
    }

    [Test]
    public void Infinities_of_opposite_sign_differ()
    {
        Assert.That(Compare.Tensors("x", Tensor.FromArray([double.PositiveInfinity], 1), Tensor.FromArray([double.NegativeInfinity], 1)), Does.Contain("x[0]"));
    }

    [Test]
    public void A_match_within_the_tolerance_earns_everything()
    {
        var expected = Tensor.FromArray(Reference, 6);
        Assert.That(new Scorecard().Value("out", expected * (1 + 1e-9), expected).Verdict.Fraction, Is.EqualTo(1));
    }

    [Test]
    public void The_verdict_blames_the_member_of_the_first_failed_part()
    {
        var (right, wrong) = (Tensor.FromArray(Reference, 6), Tensor.FromArray(Reference, 6) * 2);
        Assert.Multiple(() =>
        {
            Assert.That(new Scorecard().Value("y", right, right).Gradient("dx", wrong, right).Verdict.Blame, Is.EqualTo("Backward"), "a gradient's default");
            Assert.That(new Scorecard().Value("y", wrong, right).Gradient("dx", wrong, right).Verdict.Blame, Is.Null, "the value failed first: the check's first member");
            Assert.That(new Scorecard().Value("a", right, right, member: "Unigram").Value("b", wrong, right, member: "Corpus4").Verdict.Blame, Is.EqualTo("Corpus4"));
            Assert.That(new Scorecard().Property(false, "no", member: "Sample").Verdict.Blame, Is.EqualTo("Sample"));
        });
    }
}
