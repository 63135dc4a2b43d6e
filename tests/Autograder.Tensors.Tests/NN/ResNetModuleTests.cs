using Autograder.Tensors.Models;
using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>The ResNet module itself, with random weights: torchvision's names and shapes, the replaceable head, and the two padding styles.</summary>
public sealed class ResNetModuleTests
{
    [Test]
    public void ResNet18_has_torchvisions_parameter_count_and_names()
    {
        var model = ResNet.ResNet18(generator: new Generator(1));
        Assert.That(model.ParameterCount(), Is.EqualTo(11_689_512), "torchvision.models.resnet18().parameters()");
        var names = model.NamedParameters().Select(p => p.Name).ToList();
        Assert.That(names[..3], Is.EqualTo(new[] { "conv1.weight", "bn1.weight", "bn1.bias" }));
        Assert.That(names[^2..], Is.EqualTo(new[] { "fc.weight", "fc.bias" }));
        Assert.That(names, Does.Contain("layer3.0.downsample.1.weight").And.Not.Contain("layer1.0.downsample.0.weight"));
    }

    [Test]
    public void Replacing_the_head_keeps_its_name_and_place()
    {
        var model = ResNet.ResNet18(generator: new Generator(1));
        model.Fc = new Linear(ResNet.FeatureCount, 2, generator: new Generator(2));
        var names = model.NamedParameters().Select(p => p.Name).ToList();
        Assert.That(names[^2..], Is.EqualTo(new[] { "fc.weight", "fc.bias" }));
        Assert.That(model.NamedParameters().Single(p => p.Name == "fc.weight").Parameter.Shape.ToArray(), Is.EqualTo(new[] { 2, 512 }));
        model.Eval();
        Assert.That(model.Call(Tensor.Randn(new Generator(3), [1, 3, 64, 64])).Shape.ToArray(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void More_padding_before_equals_symmetric_padding_on_even_sizes_only()
    {
        var symmetric = new ResNet([1, 1, 1, 1], classes: 0, ResNetPadding.Symmetric, new Generator(4));
        var moreBefore = new ResNet([1, 1, 1, 1], classes: 0, ResNetPadding.MoreBefore, new Generator(5));
        moreBefore.LoadStateDict(symmetric.StateDict());
        symmetric.Eval();
        moreBefore.Eval();
        var even = Tensor.Randn(new Generator(6), [2, 3, 64, 64]);
        Assert.That(moreBefore.Call(even).AllClose(symmetric.Call(even), 1e-5, 1e-5), Is.True, "a stride-2 window never reaches the last padded row");
        var odd = Tensor.Randn(new Generator(7), [2, 3, 65, 65]);
        Assert.That(moreBefore.Call(odd).AllClose(symmetric.Call(odd), 1e-3, 1e-3), Is.False, "on odd sizes the windows differ");
    }

    [Test]
    public void A_wrong_input_shape_is_named()
    {
        var model = new ResNet([1, 1, 1, 1], classes: 0, generator: new Generator(8));
        Assert.That(() => model.Call(Tensor.Zeros([2, 1, 32, 32])), Throws.ArgumentException.With.Message.Contains("(N, 3, H, W); got (2, 1, 32, 32)"));
    }
}
