using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Host.Checks.Support;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3.Hidden;

/// <summary>
/// BLEU on per-student corpora (hidden): 5–25 captions of 0–15 words over a vocabulary of 3–12 words (so n-grams repeat
/// and clipping matters), each with 1–4 references of 1–15 words; unigram BLEU of every caption and corpus BLEU-4, against
/// the reference. Half the points each; one that throws costs only its half.
/// </summary>
internal sealed class BleuHiddenCheck() : A3Check("a3.bleu_hidden", "Bleu on unseen corpora", 1, Visibility.Hidden,
    "Homework.A3.Bleu.Unigram", "Homework.A3.Bleu.Corpus4")
{
    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high + 1);
        var vocabulary = Draw(3, 12);
        IReadOnlyList<string> Caption(int length) => [.. Enumerable.Range(0, length).Select(_ => "w" + Draw(1, vocabulary))];
        var captions = Draw(5, 25);
        var candidates = Enumerable.Range(0, captions).Select(_ => Caption(Draw(0, 15))).ToList();
        var references = candidates.Select(_ => (IReadOnlyList<IReadOnlyList<string>>)[.. Enumerable.Range(0, Draw(1, 4)).Select(_ => Caption(Draw(1, 15)))]).ToList();
        return CheckParts.Probe(
            isolateFailures: true,
            ("unigram_", () =>
            {
                var unigram = candidates.Select((c, i) => Bleu.Unigram(c, references[i])).ToArray();
                return new Observation { ["bleu"] = Tensor.FromArray(unigram, unigram.Length) };
            }),
            ("corpus_", () =>
            {
                var observation = new Observation();
                observation.Set("bleu", Bleu.Corpus4(candidates, references));
                return observation;
            }));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected,
    [
        ("unigram_", "Bleu.Unigram", "Unigram", (s, e) => new Scorecard().Value("unigram BLEU of every caption", s["bleu"], e["bleu"], tolerance: 1e-9, member: "Unigram").Verdict),
        ("corpus_", "Bleu.Corpus4", "Corpus4", (s, e) => new Scorecard().Value("corpus BLEU-4", s["bleu"], e["bleu"], tolerance: 1e-9, member: "Corpus4").Verdict),
    ]);
}
