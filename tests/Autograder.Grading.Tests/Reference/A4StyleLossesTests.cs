using Autograder.Tensors;
using Autograder.Tensors.IO;
using Homework.A4;

namespace Autograder.Grading.Tests.Reference;

/// <summary>
/// The A4 reference's style-transfer losses against an independent oracle: CS231n's formulation in PyTorch 1.13, float64,
/// values and autograd gradients (Reference/Fixtures/a4_style_losses.npz, made by make_a4_fixtures.py beside it).
/// </summary>
public sealed class A4StyleLossesTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Oracle =
        Npz.Read(Path.Combine(Repository.Root, "tests", "Autograder.Grading.Tests", "Reference", "Fixtures", "a4_style_losses.npz"));

    private static void AssertClose(Tensor actual, Tensor expected, string what) =>
        Assert.That(actual.AllClose(expected, 1e-10, 1e-12), Is.True, $"{what}: max difference {(actual - expected).Abs().Max().Item():E2}");

    [Test]
    public void Content_loss_and_its_gradient_match_pytorch()
    {
        var current = Oracle["content.current"].Clone().RequireGrad();
        var loss = StyleLosses.ContentLoss(0.06, current, Oracle["content.original"]);
        loss.Backward();
        AssertClose(loss, Oracle["content.loss"], "loss");
        AssertClose(current.Grad!, Oracle["content.grad"], "gradient");
    }

    [Test]
    public void Gram_matrix_normalised_and_not_and_its_gradient_match_pytorch()
    {
        var features = Oracle["gram.features"].Clone().RequireGrad();
        var gram = StyleLosses.GramMatrix(features);
        (gram * Oracle["gram.upstream"]).Sum().Backward();
        AssertClose(gram, Oracle["gram.normalized"], "normalised");
        AssertClose(StyleLosses.GramMatrix(Oracle["gram.features"], normalize: false), Oracle["gram.raw"], "unnormalised");
        AssertClose(features.Grad!, Oracle["gram.grad"], "gradient");
    }

    [Test]
    public void Style_loss_over_three_of_four_layers_matches_pytorch()
    {
        var features = Enumerable.Range(0, 4).Select(i => Oracle[$"style.features{i}"].Clone().RequireGrad()).ToList();
        var targets = Enumerable.Range(0, 3).Select(i => Oracle[$"style.target{i}"]).ToList();
        var loss = StyleLosses.StyleLoss(features, [0, 2, 3], targets, [300.0, 1.5, 7.0]);
        loss.Backward();
        AssertClose(loss, Oracle["style.loss"], "loss");
        for (var i = 0; i < 4; i++)
        {
            AssertClose(features[i].Grad ?? Tensor.ZerosLike(features[i]), Oracle[$"style.grad{i}"], $"gradient at layer {i}");
        }
    }

    [Test]
    public void Total_variation_loss_matches_pytorch_on_a_non_square_image()
    {
        var image = Oracle["tv.image"].Clone().RequireGrad();
        var loss = StyleLosses.TvLoss(image, 0.02);
        loss.Backward();
        AssertClose(loss, Oracle["tv.loss"], "loss");
        AssertClose(image.Grad!, Oracle["tv.grad"], "gradient");
    }
}
