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
    private const string Transfer = "A4/TransferLearning.cs";

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
            Assert.That(results["a4.style_loss"].Tag, Is.EqualTo("passed"), "the style loss is right once it calls the reference's Gram matrix (with the student's, its shapes no longer match)");
            Assert.That(results["a4.style_loss"].Output, Does.StartWith("graded with the reference's StyleLosses.GramMatrix in place of yours, because a4.gram_matrix"));
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
            Assert.That(unweighted["a4.style_loss"].Tag, Is.EqualTo("failed"), "unweighted, even with the reference's Gram matrix");
            Assert.That(unweighted["a4.style_loss"].Output, Does.StartWith("graded with the reference's StyleLosses.GramMatrix in place of yours"));
        });
    }

    /// <summary>
    /// Validation in training mode, the classifier kept, the backbone left trainable under Freeze, and predictions whose mode
    /// is not restored; then the last epoch's weights returned, every parameter given to the optimizer, and predictions made
    /// in training mode.
    /// </summary>
    [Test]
    public void Transfer_learning_mistakes_are_named()
    {
        var first = Grade("a4-transfer-1", new Dictionary<string, string>
        {
            ["TransferLearning.TrainModel"] = Changed("TrainModel", "            model.Eval();\n", "", Transfer),
            ["TransferLearning.Finetune"] = "ArgumentNullException.ThrowIfNull(model); return model;",
            ["TransferLearning.Freeze"] = Changed("Freeze", "parameter.RequiresGrad = false;", "_ = parameter;", Transfer),
            ["TransferLearning.VisualizeModel"] = Changed("VisualizeModel", "model.Train(wasTraining);", "_ = wasTraining;", Transfer),
        }, "--only", "a4.train_model", "a4.finetune", "a4.freeze", "a4.visualize_model");
        var second = Grade("a4-transfer-2", new Dictionary<string, string>
        {
            ["TransferLearning.TrainModel"] = Changed("TrainModel", "model.LoadStateDict(best);", "_ = best;", Transfer),
            ["TransferLearning.Freeze"] = Changed("Freeze", "return [.. model.Fc.Parameters()];", "return [.. model.Parameters()];", Transfer),
            ["TransferLearning.VisualizeModel"] = Changed("VisualizeModel", "        model.Eval();\n", "", Transfer),
        }, "--only", "a4.train_model", "a4.freeze", "a4.visualize_model");
        var third = Grade("a4-transfer-3", new Dictionary<string, string>
        {
            ["TransferLearning.Freeze"] = "model.Fc = new Linear(ResNet.FeatureCount, classes, generator: generator); return [.. model.Parameters()];",
        }, "--only", "a4.freeze");
        Assert.Multiple(() =>
        {
            Assert.That(first["a4.train_model"].Tag, Is.EqualTo("failed"));
            Assert.That(first["a4.train_model"].Output, Does.Contain("validate in evaluation mode"));
            Assert.That(first["a4.finetune"].Tag, Is.EqualTo("failed"));
            Assert.That(first["a4.finetune"].Output, Does.Contain("Replace the final layer"));
            Assert.That(first["a4.freeze"].Tag, Is.EqualTo("failed"));
            Assert.That(first["a4.freeze"].Output, Does.Contain("must be frozen"));
            Assert.That(first["a4.visualize_model"].Tag, Is.EqualTo("failed"));
            Assert.That(first["a4.visualize_model"].Output, Does.Contain("mode must be what it was before"));
            Assert.That(second["a4.train_model"].Tag, Is.EqualTo("failed"));
            Assert.That(second["a4.train_model"].Output, Does.Contain("last epoch's weights, not the best epoch's"));
            Assert.That(second["a4.freeze"].Tag, Is.EqualTo("failed"));
            Assert.That(second["a4.freeze"].Output, Does.Contain("new final layer's parameters and no others"));
            Assert.That(second["a4.visualize_model"].Tag, Is.EqualTo("failed"));
            Assert.That(second["a4.visualize_model"].Output, Does.Contain("call model.Eval() first"));
            Assert.That(third["a4.freeze"].Output, Does.Contain("must be frozen").And.Contain("and no others").And.Contain("backbone's weights changed"), "nothing frozen and everything optimised: the backbone moves");
        });
    }

    /// <summary>A Finetune and a Freeze that ignore the class count and build three outputs: the public checks (three classes) pass, the hidden one does not.</summary>
    [Test]
    public void A_fixed_number_of_classes_passes_in_public_and_fails_hidden()
    {
        var results = Grade("a4-three-classes", new Dictionary<string, string>
        {
            ["TransferLearning.Finetune"] = Changed("Finetune", "classes, generator: generator)", "3, generator: generator)", Transfer),
            ["TransferLearning.Freeze"] = Changed("Freeze", "classes, generator: generator)", "3, generator: generator)", Transfer),
        }, "--only", "a4.finetune", "a4.freeze", "a4.transfer_hidden");
        Assert.Multiple(() =>
        {
            Assert.That(results["a4.finetune"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a4.freeze"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a4.transfer_hidden"].Score, Is.Zero, results["a4.transfer_hidden"].Output);
        });
    }

    private static IReadOnlyDictionary<string, HostProcess.GradedCheck> Grade(string name, Dictionary<string, string> bodies, params string[] extra) =>
        HostProcess.Grade(Implementations.Grader(), Implementations.Variant(name, bodies), null, ["--assignment", "a4", .. extra]);

    private static string Changed(string method, string from, string to, string file = Losses)
    {
        var body = Implementations.ReferenceBody(file, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
