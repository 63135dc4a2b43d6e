using Autograder.Reports.Plots;

namespace Autograder.Reports.Tests.Plots;

public sealed class TicksTests
{
    /// <summary>The step is the smallest of 1, 2, 5 × 10^k not below range / 5: 0.2 for [0, 1], 5 for [1, 15], 0.01 for [0.88, 0.915].</summary>
    [TestCase(0.0, 1.0, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [TestCase(0.13, 0.97, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [TestCase(1.0, 15.0, new[] { 0.0, 5, 10, 15 })]
    [TestCase(0.88, 0.915, new[] { 0.88, 0.89, 0.9, 0.91, 0.92 })]
    public void Linear_ticks_are_whole_steps_of_one_two_or_five(double min, double max, double[] expected)
    {
        var (low, high, ticks) = Ticks.Linear(min, max);
        Assert.That(ticks, Is.EqualTo(expected).Within(1e-12));
        Assert.That((low, high), Is.EqualTo((expected[0], expected[^1])));
    }

    [Test]
    public void A_flat_series_still_gets_a_range()
    {
        var (low, high, ticks) = Ticks.Linear(2, 2);
        Assert.That(low, Is.LessThan(2));
        Assert.That(high, Is.GreaterThan(2));
        Assert.That(ticks, Has.Count.GreaterThan(1));
    }

    [Test]
    public void Log_ticks_are_powers_of_ten_with_two_and_five_on_short_ranges()
    {
        Assert.That(Ticks.Log(0.001, 0.1).Values, Is.EqualTo(new[] { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1 }).Within(1e-15));
        var (low, high, values) = Ticks.Log(32, 128);
        Assert.That((low, high), Is.EqualTo((20.0, 200.0)), "a short range is not widened to whole decades");
        Assert.That(values, Is.EqualTo(new[] { 20.0, 50, 100, 200 }));
        Assert.That(Ticks.Log(0.03, 700).Values, Is.EqualTo(new[] { 0.01, 0.1, 1, 10, 100, 1000 }).Within(1e-12));
    }

    [TestCase(0.1, "0.1")]
    [TestCase(0.30000000000000004, "0.3")]
    [TestCase(15.0, "15")]
    [TestCase(0.0001, "1e-4")]
    [TestCase(250000.0, "2.5e5")]
    public void Labels_use_as_few_digits_as_needed(double value, string expected) => Assert.That(Ticks.Label(value), Is.EqualTo(expected));
}
