using Autograder.Tensors;

namespace Homework.A3;

/// <summary>What the word embedding's forward pass keeps for its backward pass.</summary>
/// <param name="X">The word indices, (N, T) int64.</param>
/// <param name="VocabularySize">V, the number of rows of the embedding matrix.</param>
public sealed record WordEmbeddingCache(Tensor X, int VocabularySize);
