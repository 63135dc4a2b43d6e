using Autograder.Data.Datasets;
using Autograder.Data.Text;
using Autograder.Data.Transforms;
using Autograder.Tensors;

namespace Autograder.Data.Tests.Datasets;

public sealed class LoaderTests
{
    private static readonly Tensor X = Tensor.Arange(10).Reshape(10, 1);

    [Test]
    public void Batches_cover_every_example_once_and_drop_last_skips_the_remainder()
    {
        var loader = new TensorDataLoader([X, X.Squeeze(1)], batchSize: 4);
        Assert.That(loader.Select(b => b[0].Shape[0]), Is.EqualTo(new[] { 4, 4, 2 }));
        Assert.That(new TensorDataLoader([X], 4, dropLast: true).Batches, Is.EqualTo(2));
        var shuffled = new TensorDataLoader([X], 3, shuffle: true, seed: 5);
        var seen = shuffled.SelectMany(b => b[0].ToArray<long>()).ToArray();
        Assert.That(seen.Order(), Is.EqualTo(Enumerable.Range(0, 10).Select(i => (long)i)));
    }

    [Test]
    public void Shuffling_is_seeded_and_changes_between_epochs()
    {
        long[] Epoch(TensorDataLoader l) => [.. l.SelectMany(b => b[0].ToArray<long>())];
        var a = new TensorDataLoader([X], 10, shuffle: true, seed: 1);
        var b = new TensorDataLoader([X], 10, shuffle: true, seed: 1);
        var first = Epoch(a);
        Assert.That(Epoch(b), Is.EqualTo(first));
        Assert.That(Epoch(a), Is.Not.EqualTo(first));
    }

    [Test]
    public void Padding_collate_returns_lengths()
    {
        var (padded, lengths) = Collate.PadSequences([[5, 6, 7], [8]], padValue: 0);
        Assert.That(padded.ToArray<long>(), Is.EqualTo(new long[] { 5, 6, 7, 8, 0, 0 }));
        Assert.That(lengths.ToArray<long>(), Is.EqualTo(new long[] { 3, 1 }));
    }

    [Test]
    public void Generic_loader_applies_the_collate_function()
    {
        var set = new ImageClassificationSet(Tensor.Zeros(5, 1, 2, 2), Tensor.Arange(5), ["a"]);
        var loader = new DataLoader<(Tensor Image, long Label), long>(set, 2, items => items.Sum(i => i.Label));
        Assert.That(loader, Is.EqualTo(new long[] { 1, 5, 4 }));
    }

    [Test]
    public void Vocabulary_orders_by_frequency_and_maps_unknowns()
    {
        var vocabulary = Vocabulary.Build([Tokenizer.Split("The cat sat"), Tokenizer.Split("the dog sat on the mat")], minFrequency: 2);
        Assert.That(vocabulary.Tokens, Is.EqualTo(new[] { "<pad>", "<unk>", "<start>", "<end>", "the", "sat" }));
        Assert.That(vocabulary.Encode(["the", "zebra"]), Is.EqualTo(new long[] { 4, 1 }));
        Assert.That(vocabulary.Decode([5, 99]), Is.EqualTo(new[] { "sat", "<unk>" }));
    }

    [Test]
    public void Transforms_normalize_crop_and_flip()
    {
        var images = Tensor.Arange(0, 2 * 1 * 2 * 3, 1, DType.Float32).Reshape(2, 1, 2, 3);
        var normalized = new Normalize([1.0], [2.0]).Apply(images);
        Assert.That(normalized.ToArray<float>()[..2], Is.EqualTo(new[] { -0.5f, 0f }));
        var flipped = new RandomHorizontalFlip(1.0, new Generator(0)).Apply(images);
        Assert.That(flipped[0, 0, 0].ToArray<float>(), Is.EqualTo(new[] { 2f, 1f, 0f }));
        var cropped = new RandomCrop(2, 1, new Generator(0)).Apply(images);
        Assert.That(cropped.Shape.ToArray(), Is.EqualTo(new[] { 2, 1, 2, 2 }));
    }

    [Test]
    public void Split_is_seeded_and_disjoint()
    {
        var set = new ImageClassificationSet(Tensor.Zeros(20, 1, 1, 1), Tensor.Arange(20), ["x"]);
        var (train, validation) = set.Split(5, seed: 3);
        Assert.That(train.Count + validation.Count, Is.EqualTo(20));
        Assert.That(train.Labels.ToArray<long>().Intersect(validation.Labels.ToArray<long>()), Is.Empty);
        Assert.That(set.Split(5, seed: 3).Validation.Labels.ToArray<long>(), Is.EqualTo(validation.Labels.ToArray<long>()));
    }
}
