using Autograder.Data.Datasets;
using Autograder.Data.Pretrained;

namespace Autograder.Data.Tests.Datasets;

/// <summary>The Flickr8k captioning corpus (../shared/data/flickr8k-subset1000): split, vocabulary, encoding, and cached SqueezeNet features.</summary>
public sealed class CaptionCorpusTests
{
    [Test]
    public void The_split_is_fixed_and_the_vocabulary_comes_from_training_captions()
    {
        var corpus = CaptionCorpus.Load(SharedData.Require("flickr8k-subset1000"));
        Assert.Multiple(() =>
        {
            Assert.That((corpus.Train.Items.Count, corpus.Validation.Items.Count, corpus.Test.Items.Count), Is.EqualTo((800, 100, 100)));
            Assert.That(corpus.Train.Items.Concat(corpus.Validation.Items).Concat(corpus.Test.Items).Select(i => i.Image).Distinct().Count(), Is.EqualTo(1000), "no image in two splits");
            Assert.That(corpus.Train.Pairs, Has.Count.EqualTo(4000), "five captions per image");
            Assert.That(corpus.Vocabulary.Tokens.Take(4), Is.EqualTo(new[] { "<NULL>", "<START>", "<END>", "<UNK>" }));
            Assert.That(corpus.Vocabulary.Tokens[4], Is.EqualTo("a"), "the most frequent word first");
            Assert.That(corpus.Vocabulary.Tokens, Does.Not.Contain("."));
        });
    }

    /// <summary>The bundled subset (data/flickr8k-small) is the full set's first 400 images and its validation and test images, split the same way.</summary>
    [Test]
    public void The_bundled_subset_keeps_the_full_sets_validation_and_test_images()
    {
        var small = CaptionCorpus.Load(SharedData.Bundled("flickr8k-small"));
        Assert.Multiple(() =>
        {
            Assert.That((small.Train.Items.Count, small.Validation.Items.Count, small.Test.Items.Count), Is.EqualTo((400, 100, 100)));
            Assert.That(small.Train.Images.Concat(small.Validation.Images).Concat(small.Test.Images).Select(i => File.Exists(Path.Combine(small.Folder, "images", i))), Is.All.True, "every image ships");
            Assert.That(small.Vocabulary.Tokens.Take(4), Is.EqualTo(CaptionCorpus.Specials));
        });

        var full = CaptionCorpus.Load(SharedData.Require("flickr8k-subset1000"));
        Assert.Multiple(() =>
        {
            Assert.That(small.Train.Images, Is.EqualTo(full.Train.Images.Take(400)));
            Assert.That(small.Validation.Items.Select(i => (i.Image, string.Join('|', i.Captions.Select(c => string.Join(' ', c))))),
                Is.EqualTo(full.Validation.Items.Select(i => (i.Image, string.Join('|', i.Captions.Select(c => string.Join(' ', c)))))));
            Assert.That(small.Test.Images, Is.EqualTo(full.Test.Images));
        });
    }

    [Test]
    public void A_corpus_too_small_to_split_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-captions-").FullName;
        try
        {
            using (var file = new System.IO.Compression.GZipStream(File.Create(Path.Combine(folder, "captions.tsv.gz")), System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new StreamWriter(file))
            {
                writer.WriteLine("image\tcaption_index\tcaption");
                for (var i = 0; i < 200; i++)
                {
                    writer.WriteLine($"{i}.png\t0\ta dog .");
                }
            }

            Assert.That(() => CaptionCorpus.Load(folder), Throws.TypeOf<DataFormatException>().With.Message.Contains("200 images").And.Message.Contains("more than 200"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Captions_encode_with_start_end_and_padding_and_decode_back()
    {
        var corpus = CaptionCorpus.Load(SharedData.Require("flickr8k-subset1000"));
        Assert.That(CaptionCorpus.Tokenize("A dog runs , in the Park ."), Is.EqualTo(new[] { "a", "dog", "runs", "in", "the", "park" }));
        var encoded = corpus.Encode([["a", "dog", "runs"], ["a", "zyzzyva"]], maxWords: 4);
        var ids = encoded.ToArray<long>();
        Assert.That(encoded.Shape.ToArray(), Is.EqualTo(new[] { 2, 6 }));
        Assert.That(ids[0], Is.EqualTo(1), "the start word");
        Assert.That(ids[4], Is.EqualTo(2), "the end word after three words");
        Assert.That(ids[5], Is.Zero, "then padding");
        Assert.That(ids[8], Is.EqualTo(3), "an unknown word");
        Assert.That(corpus.Decode(ids.Take(6)), Is.EqualTo(new[] { "a", "dog", "runs" }));
    }

    [Test]
    public void Features_are_computed_once_for_both_kinds_and_read_from_the_cache_after()
    {
        var corpus = CaptionCorpus.Load(SharedData.Require("flickr8k-subset1000"));
        var weights = SharedData.Require("pretrained-squeezenet");
        var cache = Directory.CreateTempSubdirectory("autograder-features-").FullName;
        try
        {
            var (folder, images) = (Path.Combine(corpus.Folder, "images"), corpus.Test.Images.Take(3).ToList());
            var features = ImageFeatures.Pooled(folder, images, weights, cache);
            Assert.That(features.Shape.ToArray(), Is.EqualTo(new[] { 3, 512 }));
            Assert.That(features.ToArray<float>(), Has.All.Matches<float>(v => float.IsFinite(v) && v >= 0), "averaged ReLU outputs");
            Assert.That(Directory.GetFiles(cache), Has.Length.EqualTo(2), "one pass writes the pooled and the spatial features");

            var spatial = ImageFeatures.Spatial(folder, images, weights, cache);
            Assert.That(spatial.Shape.ToArray(), Is.EqualTo(new[] { 3, 512, 13, 13 }));
            Assert.That(spatial.Mean([2, 3]).AllClose(features, 1e-5), Is.True, "the pooled features are the regions' mean");
            Assert.That(ImageFeatures.Pooled(folder, images, weights, cache).ToArray<float>(), Is.EqualTo(features.ToArray<float>()));
            ImageFeatures.Pooled(folder, images.Take(2).ToList(), weights, cache);
            Assert.That(Directory.GetFiles(cache), Has.Length.EqualTo(4), "another image list is another cache entry");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
