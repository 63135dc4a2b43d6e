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

    /// <summary>Formats mixed in one folder, any case of extension; a file that is not an image costs only itself and is named with its reason.</summary>
    [Test]
    public void Image_folder_reads_mixed_formats_and_names_a_bad_file()
    {
        var root = Directory.CreateTempSubdirectory("autograder-imagefolder-").FullName;
        try
        {
            string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Images", "Fixtures", name);
            Directory.CreateDirectory(Path.Combine(root, "ants"));
            Directory.CreateDirectory(Path.Combine(root, "bees"));
            File.Copy(Fixture("photo.jpg"), Path.Combine(root, "ants", "a1.JPG"));
            File.Copy(Fixture("rgb.png"), Path.Combine(root, "ants", "a2.png"));
            File.Copy(Fixture("lossless.webp"), Path.Combine(root, "bees", "b1.webp"));
            File.Copy(Fixture("picture.bmp"), Path.Combine(root, "bees", "b2.bmp"));
            File.WriteAllText(Path.Combine(root, "bees", "b3.jpeg"), "not a picture");
            File.WriteAllText(Path.Combine(root, "bees", "notes.txt"), "skipped");

            var (classes, items) = ImageFolder.List(root);
            var (images, failures) = ImageFolder.LoadAll(items);
            Assert.Multiple(() =>
            {
                Assert.That(classes, Is.EqualTo(new[] { "ants", "bees" }));
                Assert.That(items.Select(i => Path.GetFileName(i.Path)), Is.EqualTo(new[] { "a1.JPG", "a2.png", "b1.webp", "b2.bmp", "b3.jpeg" }));
                Assert.That(images.Select(i => i.Label), Is.EqualTo(new[] { 0, 0, 1, 1 }));
                Assert.That(images.All(i => i.Image is { Width: 23, Height: 17, Channels: 3 }), "every readable file decoded");
                Assert.That(failures, Has.Count.EqualTo(1));
                Assert.That(failures[0], Does.Contain("b3.jpeg").And.Contain("not an image"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
