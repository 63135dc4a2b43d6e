namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A4's style-transfer checks against the mistakes the assignment invites, each written into a copy of the reference: every
/// mutant is caught, by its own check, with a message that names it; the hidden check catches them on unseen sizes too.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class A4MutantTests
{
    private const string Losses = "A4/StyleLosses.cs";

    /// <summary>The content loss as a mean, the Gram matrix as Fᵀ F, and total variation over rows only.</summary>
    [Test]
    public void Content_mean_transposed_gram_and_one_direction_tv_are_named()
    {
        var results = Grade("a4-mutants-1", new Dictionary<string, string>
        {
            ["StyleLosses.ContentLoss"] = Changed("ContentLoss", ".Square().Sum()", ".Square().Mean()"),
            ["StyleLosses.GramMatrix"] = Changed("GramMatrix", "flat.MatMul(flat.Transpose(1, 2))", "flat.Transpose(1, 2).MatMul(flat)"),
            ["StyleLosses.TvLoss"] = Changed("TvLoss", "(vertical + horizontal)", "vertical"),
        });
        Assert.Multiple(() =>
        {
            Assert.That(results["a4.content_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a4.content_loss"].Output, Does.Contain("mean of the squared differences"));
            Assert.That(results["a4.gram_matrix"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a4.gram_matrix"].Output, Does.Contain("Fᵀ F"));
            Assert.That(results["a4.tv_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a4.tv_loss"].Output, Does.Contain("one direction"));
            Assert.That(results["a4.style_loss"].Score, Is.Zero, "the style loss is built on the Gram matrix (its shapes no longer match: an error)");
            Assert.That(results["a4.style_losses_hidden"].Score, Is.Zero, "every part is wrong on unseen sizes too");
        });
    }

    /// <summary>The Gram matrix never normalised, and total variation with absolute differences.</summary>
    [Test]
    public void Unnormalised_gram_and_absolute_tv_are_named()
    {
        var results = Grade("a4-mutants-2", new Dictionary<string, string>
        {
            ["StyleLosses.GramMatrix"] = Changed("GramMatrix", "return normalize ? gram / (c * h * w) : gram;", "return gram;"),
            ["StyleLosses.TvLoss"] = Changed("TvLoss", ".Square().Sum()", ".Abs().Sum()"),
        });
        Assert.Multiple(() =>
        {
            Assert.That(results["a4.gram_matrix"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a4.gram_matrix"].Output, Does.Contain("divided by C·H·W"));
            Assert.That(results["a4.tv_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a4.tv_loss"].Output, Does.Contain("|·|"));
            Assert.That(results["a4.content_loss"].Tag, Is.EqualTo("passed"));
        });
    }

    /// <summary>The style loss over the last layer only; then unweighted; then a Gram matrix normalised by H·W alone.</summary>
    [Test]
    public void Style_loss_mistakes_and_a_gram_normalised_by_positions_are_named()
    {
        var lastOnly = Grade("a4-style-last", new Dictionary<string, string>
        {
            ["StyleLosses.StyleLoss"] = Changed("StyleLoss", "loss = loss + (", "loss = ("),
        }, "--only", "a4.style_loss", "a4.gram_matrix");
        var unweighted = Grade("a4-style-unweighted", new Dictionary<string, string>
        {
            ["StyleLosses.StyleLoss"] = Changed("StyleLoss", " * styleWeights[l])", " * 1.0)"),
            ["StyleLosses.GramMatrix"] = Changed("GramMatrix", "gram / (c * h * w)", "gram / (h * w)"),
        }, "--only", "a4.style_loss", "a4.gram_matrix");
        Assert.Multiple(() =>
        {
            Assert.That(lastOnly["a4.gram_matrix"].Tag, Is.EqualTo("passed"));
            Assert.That(lastOnly["a4.style_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(lastOnly["a4.style_loss"].Output, Does.Contain("Only the last style layer counts"));
            Assert.That(unweighted["a4.gram_matrix"].Tag, Is.EqualTo("failed"));
            Assert.That(unweighted["a4.gram_matrix"].Output, Does.Contain("divided by H·W only"));
            Assert.That(unweighted["a4.style_loss"].Tag, Is.EqualTo("failed"));
        });
    }

    private static IReadOnlyDictionary<string, HostProcess.GradedCheck> Grade(string name, Dictionary<string, string> bodies, params string[] extra) =>
        HostProcess.Grade(Implementations.Grader(), Implementations.Variant(name, bodies), null, ["--assignment", "a4", .. extra]);

    private static string Changed(string method, string from, string to)
    {
        var body = Implementations.ReferenceBody(Losses, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
