using Autograder.Data.Datasets;
using Autograder.Data.Readers;

namespace Autograder.Data.Tests.Readers;

public sealed class ReaderTests
{
    [Test]
    public void Bundled_mnist_subset_matches_the_start_of_the_full_set()
    {
        var small = Mnist.Load(SharedData.Bundled("mnist-small"), train: true);
        Assert.That(small.Images.Shape.ToArray(), Is.EqualTo(new[] { 10_000, 1, 28, 28 }));
        Assert.That(Mnist.Load(SharedData.Bundled("mnist-small"), train: false).Count, Is.EqualTo(2_000));
        Assert.That(small.Images.Max().Item(), Is.EqualTo(1.0));
        var full = Mnist.Load(SharedData.Require("mnist"), train: true, limit: 100);
        Assert.That(small.Head(100).Images.ToArray<float>(), Is.EqualTo(full.Images.ToArray<float>()));
        Assert.That(full.Labels.Narrow(0, 0, 5).ToArray<long>(), Is.EqualTo(new long[] { 5, 0, 4, 1, 9 }), "the well-known first MNIST labels");
    }

    [Test]
    public void Fashion_mnist_loads_with_its_class_names()
    {
        var set = Mnist.Load(SharedData.Require("fashion-mnist"), train: false, fashion: true);
        Assert.That(set.Count, Is.EqualTo(10_000));
        Assert.That(set.Classes[9], Is.EqualTo("Ankle boot"));
        Assert.That(set.Labels.Eq(9.0).Sum().Item(), Is.EqualTo(1_000));
    }

    [Test]
    public void Idx_errors_name_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-idx-{TestContext.CurrentContext.Test.ID}");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        var error = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        File.Delete(path);
        Assert.That(error!.Message, Does.Contain(path).And.Contain("not an IDX file"));
    }

    [Test]
    public void Sst2_sentences_and_glove_vectors()
    {
        var folder = SharedData.Require("sst2");
        var train = LabeledSentences.Read(Path.Combine(folder, "stsa.binary.train.gz"));
        Assert.That(train, Has.Count.EqualTo(6_920));
        Assert.That(train.Count(s => s.Label == 1), Is.EqualTo(3_610));
        var vectors = WordVectors.Read(Path.Combine(folder, "glove.twitter.27B.25d.top12k.txt.gz"));
        Assert.That(vectors, Has.Count.EqualTo(11_925));
        Assert.That(vectors["the"], Has.Length.EqualTo(25));
    }

    [Test]
    public void Multi30k_pairs_and_flickr_captions()
    {
        var m30k = SharedData.Require("multi30k");
        Assert.That(ParallelText.Read(Path.Combine(m30k, "val.de.gz"), Path.Combine(m30k, "val.en.gz")), Has.Count.EqualTo(1_014));
        var captions = CaptionsTable.Read(Path.Combine(SharedData.Require("flickr8k-subset1000"), "captions.tsv.gz"));
        Assert.That(captions, Has.Count.EqualTo(1_000));
        Assert.That(captions.All(c => c.Captions.Count == 5), Is.True);
    }

    [Test]
    public void Image_folder_lists_classes_in_order()
    {
        var (classes, items) = ImageFolder.List(Path.Combine(SharedData.Require("hymenoptera"), "hymenoptera_data", "val"));
        Assert.That(classes, Is.EqualTo(new[] { "ants", "bees" }));
        Assert.That(items.Count(i => i.Label == 0), Is.EqualTo(70));
        Assert.That(items, Has.Count.EqualTo(153));
    }
}
