// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A5;

/// <summary>Pretrained word vectors (GloVe) laid out as an embedding table for a vocabulary.</summary>
public static class GloveEmbeddings
{
    /// <summary>
    /// The embedding table for a vocabulary: row i is the GloVe vector of the vocabulary's word i; the padding word's row is
    /// zeros; a word GloVe lacks (<c>&lt;unk&gt;</c> among them) gets a random row drawn from a normal distribution with mean 0
    /// and the standard deviation of all the GloVe values, so that it is as large as a known word's.
    /// </summary>
    /// <param name="vocabulary">The vocabulary's words by id; id 0 is the padding word.</param>
    /// <param name="vectors">GloVe vectors by word, all of the same dimension D.</param>
    /// <param name="generator">The source of the random rows.</param>
    /// <returns>(V, D) float32.</returns>
    public static Tensor Table(IReadOnlyList<string> vocabulary, IReadOnlyDictionary<string, float[]> vectors, Generator generator)
    {
        throw new NotImplementedException("TODO: D from any vector; the deviation over every value of every vector; fill a float[V * D] row by row in the vocabulary's order; generator.NextNormal() for a missing word");
    }
}
