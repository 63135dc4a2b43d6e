using System.Globalization;

namespace Autograder.Data.Readers;

/// <summary>Reads GloVe-format word vectors: "word v1 … vD" per line, space-separated, no header.</summary>
public static class WordVectors
{
    /// <summary>Reads every vector, keyed by word; all must have the same dimension.</summary>
    public static IReadOnlyDictionary<string, float[]> Read(string path)
    {
        var vectors = new Dictionary<string, float[]>();
        var dimension = -1;
        var number = 0;
        foreach (var line in TextLines.Read(path))
        {
            number++;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            if (dimension < 0)
            {
                dimension = parts.Length - 1;
            }
            else if (parts.Length - 1 != dimension)
            {
                throw new DataFormatException($"Word vectors {path}, line {number}: '{parts[0]}' has {parts.Length - 1} values; earlier lines have {dimension}.");
            }

            var vector = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                if (!float.TryParse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out vector[i]))
                {
                    throw new DataFormatException($"Word vectors {path}, line {number}: '{parts[i + 1]}' is not a number.");
                }
            }

            vectors.TryAdd(parts[0], vector);
        }

        return vectors;
    }

    /// <summary>Builds an embedding matrix (vocabulary size, D) for a vocabulary: known words get their vectors, others N(0, scale²) from the generator.</summary>
    public static (Tensors.Tensor Matrix, int Found) EmbeddingMatrix(Text.Vocabulary vocabulary, IReadOnlyDictionary<string, float[]> vectors, Tensors.Generator generator, double scale = 0.1)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(generator);
        var dimension = vectors.Count == 0 ? 0 : vectors.First().Value.Length;
        var matrix = new float[vocabulary.Count * dimension];
        var found = 0;
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var row = matrix.AsSpan(id * dimension, dimension);
            if (vectors.TryGetValue(vocabulary.Tokens[id], out var vector))
            {
                vector.CopyTo(row);
                found++;
            }
            else
            {
                for (var i = 0; i < dimension; i++)
                {
                    row[i] = (float)(generator.NextNormal() * scale);
                }
            }
        }

        return (Tensors.Tensor.FromArray(matrix, vocabulary.Count, dimension), found);
    }
}
