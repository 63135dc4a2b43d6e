using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// BLEU on cases where each rule matters (clipping, the brevity penalty and the closest reference length, corpus sums
/// before division, a missing 4-gram), an empty caption and a corpus too short for any 4-gram (both score 0, not NaN), plus
/// random captions from a small vocabulary; compared with the reference.
/// </summary>
internal sealed class BleuCheck() : A3Check("a3.bleu", "Bleu: unigram BLEU of one caption and corpus BLEU-4", 3,
    "Homework.A3.Bleu.Unigram", "Homework.A3.Bleu.Corpus4")
{
    private static readonly (string Candidate, string[] References)[] Cases =
    [
        ("the the the the the the the", ["the cat is on the mat", "there is a cat on the mat"]),
        ("a cat", ["a cat sat on the mat"]),
        ("a dog runs on the grass", ["a dog runs across the grass", "the dog is running", "a brown dog runs on grass outside"]),
        ("two men are playing football in a park", ["two men play football", "men are playing soccer in the park"]),
        ("a cat sat on the mat", ["a cat sat on a mat"]),
    ];

    private static readonly string[] Words = ["a", "the", "dog", "cat", "runs", "on", "grass", "man", "in", "park"];

    public override Observation Probe(ProbeContext context)
    {
        var unigram = Cases.Select(c => Bleu.Unigram(Split(c.Candidate), [.. c.References.Select(Split)])).ToArray();
        var corpus = Bleu.Corpus4([.. Cases.Select(c => Split(c.Candidate))], [.. Cases.Select(c => (IReadOnlyList<IReadOnlyList<string>>)[.. c.References.Select(Split)])]);

        // Random captions over ten words: many repeated n-grams, so clipping and sums are exercised everywhere.
        IReadOnlyList<string> Random(int length) => [.. Enumerable.Range(0, length).Select(_ => Words[context.Generator.NextInt64(0, Words.Length)])];
        var candidates = Enumerable.Range(0, 20).Select(_ => Random((int)context.Generator.NextInt64(4, 12))).ToList();
        var references = candidates.Select(_ => (IReadOnlyList<IReadOnlyList<string>>)[.. Enumerable.Range(0, 3).Select(_ => Random((int)context.Generator.NextInt64(4, 12)))]).ToList();
        var randomUnigram = candidates.Select((c, i) => Bleu.Unigram(c, references[i])).ToArray();

        // What a captioning model can produce: an empty caption (END first), and captions all shorter than four words.
        string[][] mat = [Split("a cat sat on the mat")];
        var observation = new Observation
        {
            ["unigram"] = Tensor.FromArray(unigram, unigram.Length),
            ["random_unigram"] = Tensor.FromArray(randomUnigram, randomUnigram.Length),
        };
        observation.Set("corpus", corpus);
        observation.Set("random_corpus", Bleu.Corpus4(candidates, references));
        observation.Set("empty_unigram", Bleu.Unigram([], mat));
        observation.Set("short_corpus", Bleu.Corpus4([Split("a cat"), Split("the mat")], [mat, mat]));
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Value("unigram BLEU of the worked cases", student["unigram"], expected["unigram"], tolerance: 1e-9, member: "Unigram")
        .Value("unigram BLEU of random captions", student["random_unigram"], expected["random_unigram"], tolerance: 1e-9, member: "Unigram")
        .Value("corpus BLEU-4 of the worked cases", student["corpus"], expected["corpus"], tolerance: 1e-9, member: "Corpus4")
        .Value("corpus BLEU-4 of random captions", student["random_corpus"], expected["random_corpus"], tolerance: 1e-9, member: "Corpus4")
        .Value("unigram BLEU of an empty caption (0)", student["empty_unigram"], expected["empty_unigram"], tolerance: 1e-9, weight: 0.25, member: "Unigram")
        .Value("corpus BLEU-4 of captions shorter than 4 words (0)", student["short_corpus"], expected["short_corpus"], tolerance: 1e-9, weight: 0.25, member: "Corpus4")
        .Verdict;

    private static string[] Split(string caption) => caption.Split(' ');
}
