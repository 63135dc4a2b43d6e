using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Data.Readers;
using Autograder.Tensors;

namespace Autograder.Data.Tests.Pretrained;

/// <summary>The ImageNet SqueezeNet recognises ants and bees about as often as PyTorch does (PROVENANCE: 37/70 ants, 54/83 bees top-1).</summary>
public sealed class SqueezeNetTests
{
    private const int Bee = 309;
    private const int Ant = 310;

    [Test]
    public void Has_the_published_parameter_count_and_class_names()
    {
        var folder = SharedData.Require("pretrained-squeezenet");
        var model = SqueezeNet.Load(folder);
        Assert.That(model.ParameterCount(), Is.EqualTo(1_248_424));
        var names = SqueezeNet.ClassNames(folder);
        Assert.That(names, Has.Count.EqualTo(1000));
        Assert.That(names[Bee], Is.EqualTo("bee"));
        Assert.That(names[Ant], Does.StartWith("ant"));
    }

    [Test]
    public void Predicts_ant_and_bee_on_hymenoptera_validation_images_about_as_often_as_pytorch()
    {
        var model = SqueezeNet.Load(SharedData.Require("pretrained-squeezenet"));
        var (classes, items) = ImageFolder.List(Path.Combine(SharedData.Require("hymenoptera"), "hymenoptera_data", "val"));
        int[] hits = new int[2], totals = new int[2];
        using (Tensor.NoGrad())
        {
            foreach (var batch in items.Chunk(16))
            {
                var input = Tensor.Cat([.. batch.Select(i => SqueezeNet.Preprocess(ImageCodec.Read(i.Path)))]);
                var predicted = model.Call(input).ArgMax(1).ToArray<long>();
                for (var i = 0; i < batch.Length; i++)
                {
                    totals[batch[i].Label]++;
                    hits[batch[i].Label] += predicted[i] == (classes[batch[i].Label] == "ants" ? Ant : Bee) ? 1 : 0;
                }
            }
        }

        TestContext.Out.WriteLine($"top-1: ants {hits[0]}/{totals[0]}, bees {hits[1]}/{totals[1]} (PyTorch: 37/70, 54/83)");
        Assert.That(hits[0] + hits[1], Is.GreaterThanOrEqualTo(75), "PyTorch gets 91 of 153; a broken conv, pool, concat or weight load gets almost none");
        Assert.That(hits[0], Is.GreaterThanOrEqualTo(25));
        Assert.That(hits[1], Is.GreaterThanOrEqualTo(40));
    }
}
