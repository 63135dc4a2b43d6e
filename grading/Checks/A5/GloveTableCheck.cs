using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// GloveEmbeddings.Table for a vocabulary of which GloVe knows about half the words (given in another order than the
/// vocabulary's, with words the vocabulary lacks): each known word's row is its vector, the padding row is zeros, the other
/// rows are random with GloVe's spread (checked statistically, since any draw is right).
/// </summary>
internal sealed class GloveTableCheck() : A5Check("a5.glove_table", "GloveEmbeddings.Table: rows in the vocabulary's order, padding and unknown words", 1, "Homework.A5.GloveEmbeddings.Table")
{
    public override Observation Probe(ProbeContext context) => Run(context, 40, 6);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Records the table for a vocabulary of <paramref name="words"/> words and vectors of <paramref name="dimension"/>.</summary>
    public static Observation Run(ProbeContext context, int words, int dimension)
    {
        var vocabulary = new List<string> { "<pad>", "<unk>" };
        vocabulary.AddRange(Enumerable.Range(2, words - 2).Select(i => $"word{i}"));
        var known = Enumerable.Range(0, words).Select(i => i >= 2 && context.Generator.NextDouble() < 0.5).ToArray();
        var vectors = new Dictionary<string, float[]>();
        foreach (var i in Enumerable.Range(0, words).Where(i => known[i]).Reverse())
        {
            vectors[vocabulary[i]] = [.. Enumerable.Range(0, dimension).Select(_ => (float)(context.Generator.NextNormal() * 0.4))];
            vectors[$"other{i}"] = [.. Enumerable.Range(0, dimension).Select(_ => (float)(context.Generator.NextNormal() * 0.4))];
        }

        var values = vectors.Values.SelectMany(v => v).Select(v => (double)v).ToArray();
        var mean = values.Average();
        var observation = new Observation
        {
            ["table"] = GloveEmbeddings.Table(vocabulary, vectors, new Generator(context.Seed + 1)).To(DType.Float64),
            ["known"] = Tensor.FromArray(known.Select(k => k ? 1.0 : 0.0).ToArray(), words),
        };
        observation.Set("glove_deviation", Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
        return observation;
    }

    /// <summary>Scores the known rows against the reference, the padding row, and the spread of the random rows.</summary>
    public static Verdict Score(Observation student, Observation expected)
    {
        var (actual, wanted) = (student["table"], expected["table"]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            return Verdict.Fail($"Expected one row per vocabulary word, (V, D) = ({string.Join(", ", wanted.Shape.ToArray())}); got ({string.Join(", ", actual.Shape.ToArray())}).");
        }

        var known = expected["known"].ToArray<double>();
        var knownRows = Tensor.FromArray(Enumerable.Range(0, known.Length).Where(i => known[i] == 1).Select(i => (long)i).ToArray(), known.Count(k => k == 1));
        var unknownRows = Tensor.FromArray(Enumerable.Range(1, known.Length - 1).Where(i => known[i] == 0).Select(i => (long)i).ToArray(), known.Skip(1).Count(k => k == 0));
        var missing = actual.IndexSelect(0, unknownRows);
        var deviation = expected["glove_deviation"].Item();
        var spread = Math.Sqrt(missing.Square().Mean().Item());
        return new Scorecard()
            .Value("the rows of the words GloVe knows (row i must be the vector of vocabulary word i)", actual.IndexSelect(0, knownRows), wanted.IndexSelect(0, knownRows), weight: 2, tolerance: 1e-6)
            .Property(actual.Select(0, 0).Eq(0.0).All(), "Row 0 (the padding word) must be zeros.", weight: 0.5)
            .Property(spread > 0.6 * deviation && spread < 1.5 * deviation,
                $"The rows of words GloVe lacks (<unk> among them) must be random with GloVe's standard deviation ({deviation:0.###}); their root mean square is {spread:0.###}.")
            .Verdict;
    }
}
