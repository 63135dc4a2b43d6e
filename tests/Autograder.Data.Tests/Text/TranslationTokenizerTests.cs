using Autograder.Data.Readers;
using Autograder.Data.Text;

namespace Autograder.Data.Tests.Text;

/// <summary>The translation tokeniser on hand-split sentences and on the bundled Multi30k.</summary>
public sealed class TranslationTokenizerTests
{
    [Test]
    public void Punctuation_hyphens_and_apostrophes_are_tokens_of_their_own()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TranslationTokenizer.Split("Two young, White males are outside near many bushes."),
                Is.EqualTo(new[] { "two", "young", ",", "white", "males", "are", "outside", "near", "many", "bushes", "." }));
            Assert.That(TranslationTokenizer.Split("Ein Mann im T-Shirt, der's \"weiß\" – 2 Hunde!"),
                Is.EqualTo(new[] { "ein", "mann", "im", "t", "-", "shirt", ",", "der", "'", "s", "\"", "weiß", "\"", "–", "2", "hunde", "!" }));
            Assert.That(TranslationTokenizer.Split("  "), Is.Empty);
        });
    }

    [Test]
    public void The_bundled_multi30k_training_split_gives_the_expected_vocabulary_sizes()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "data", "multi30k");
        var pairs = ParallelText.Read(Path.Combine(folder, "train.de.gz"), Path.Combine(folder, "train.en.gz"));
        var german = Vocabulary.Build(pairs.Select(p => TranslationTokenizer.Split(p.Source)), 2, ["<unk>", "<pad>", "<sos>", "<eos>"]);
        var english = Vocabulary.Build(pairs.Select(p => TranslationTokenizer.Split(p.Target)), 2, ["<unk>", "<pad>", "<sos>", "<eos>"]);
        Assert.Multiple(() =>
        {
            Assert.That(pairs, Has.Count.EqualTo(29_000));
            Assert.That(german.Count, Is.InRange(7_000, 8_500), "torchtext with spaCy and min_freq 2 gives about 7,850");
            Assert.That(english.Count, Is.InRange(5_500, 6_500), "torchtext with spaCy and min_freq 2 gives about 5,900");
            Assert.That(english.Tokens.Take(6), Is.EqualTo(new[] { "<unk>", "<pad>", "<sos>", "<eos>", "a", "." }), "specials in torchtext's order, then by frequency");
        });
        TestContext.Out.WriteLine($"vocabularies: German {german.Count}, English {english.Count}");
    }
}
