using Autograder.Reports.Placeholders;

namespace Autograder.Reports.Tests.Placeholders;

/// <summary>The placeholder syntax: kind, target (experiment and name), flags and quoted options.</summary>
public sealed class PlaceholderTests
{
    [Test]
    public void The_target_splits_into_experiment_and_a_name_that_may_hold_dots()
    {
        var placeholder = Placeholder.Parse(" plot a2.fashion_cnn_sweep.validation_accuracy_lr0.01 logy caption=\"Per \\\"epoch\\\"\" smooth=5 ");
        Assert.Multiple(() =>
        {
            Assert.That(placeholder.Kind, Is.EqualTo("plot"));
            Assert.That(placeholder.Experiment, Is.EqualTo("a2.fashion_cnn_sweep"));
            Assert.That(placeholder.Name, Is.EqualTo("validation_accuracy_lr0.01"));
            Assert.That(placeholder.Flags, Is.EquivalentTo(new[] { "logy" }));
            Assert.That(placeholder.Option("caption"), Is.EqualTo("Per \"epoch\""));
            Assert.That(placeholder.Option("smooth"), Is.EqualTo("5"));
            Assert.That(placeholder.IsBlock, Is.True);
        });
    }

    [Test]
    public void Lists_split_at_bars()
    {
        var placeholder = Placeholder.Parse("plot a1.x series=\"loss | train_accuracy\"");
        Assert.That(placeholder.ListOption("series"), Is.EqualTo(new[] { "loss", "train_accuracy" }));
        Assert.That(placeholder.ListOption("labels"), Is.Empty);
    }

    [Test]
    public void Scores_take_an_assignment_or_nothing()
    {
        Assert.That(Placeholder.Parse("scores a1").Target, Is.EqualTo("a1"));
        Assert.That(Placeholder.Parse("scores").Target, Is.Empty);
    }

    [TestCase("", "names no kind")]
    [TestCase("metric", "names no experiment")]
    [TestCase("metric a1.x.y percent int", "give one number format")]
    [TestCase("image a1.x.y logy", "'logy' means nothing in {{ image … }}; it accepts caption=, width=, alt=.")]
    [TestCase("table a1.x.y colums=\"a|b\"", "'colums=' means nothing in {{ table … }}")]
    public void Mistakes_are_named(string text, string message)
    {
        Assert.That(() => Placeholder.Parse(text), Throws.InstanceOf<FormatException>().With.Message.Contain(message));
    }

    [TestCase(0.98155, "percent", "accuracy", "98.16 %")]
    [TestCase(55000, "auto", "training_images", "55,000")]
    [TestCase(0.9, "auto", "test_accuracy", "90.00 %")]
    [TestCase(0.00123, "e2", "", "1.23e-3")]
    [TestCase(2.5, "f3", "", "2.500")]
    [TestCase(0.1, "auto", "learning_rate", "0.1")]
    [TestCase(double.NaN, "percent", "loss", "NaN")]
    [TestCase(double.PositiveInfinity, "auto", "loss", "∞")]
    public void Values_are_written_as_asked(double value, string format, string name, string expected) =>
        Assert.That(ValueFormat.Write(value, format, name), Is.EqualTo(expected));
}
