using Autograder.Reports.Plots;

namespace Autograder.Reports.Tests.Plots;

public sealed class TicksTests
{
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
