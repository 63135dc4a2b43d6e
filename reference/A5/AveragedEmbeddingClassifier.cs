using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A5;

/// <summary>
/// Models 2 and 3: word embeddings → their average over each sentence's real words → Linear(D, 1) → sigmoid; the embeddings
/// random (model 2) or initialised from GloVe (model 3), trained in both.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_embed</c> (an <see cref="Embedding"/> whose padding id is
/// <see cref="SentenceClassifier.PaddingId"/>) and <c>_linear</c>, so that the parameters are <c>embed.weight</c>,
/// <c>linear.weight</c> and <c>linear.bias</c>.
/// </remarks>
public sealed class AveragedEmbeddingClassifier : SentenceClassifier
{
    // BEGIN SOLUTION REMOVE (hint: two fields, _embed and _linear)
    private readonly Embedding _embed;
    private readonly Linear _linear;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="AveragedEmbeddingClassifier"/> class with random embeddings (float32; from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="vocabularySize">V, the number of words.</param>
    /// <param name="embeddingDim">D, the size of a word vector.</param>
    public AveragedEmbeddingClassifier(int vocabularySize, int embeddingDim)
    {
        // BEGIN SOLUTION (hint: new Embedding(V, D, paddingIdx: ...), then a Linear layer from D to 1)
        _embed = new Embedding(vocabularySize, embeddingDim, paddingIdx: (int)PaddingId);
        _linear = new Linear(embeddingDim, 1);
        // END SOLUTION
    }

    /// <summary>Initializes a new instance of the <see cref="AveragedEmbeddingClassifier"/> class with embeddings that start from pretrained vectors and go on learning.</summary>
    /// <param name="pretrained">The initial table, (V, D), e.g. from <see cref="GloveEmbeddings.Table"/>.</param>
    public AveragedEmbeddingClassifier(Tensor pretrained)
    {
        // BEGIN SOLUTION (hint: Embedding.FromPretrained freezes the table unless told not to; the padding id as before)
        ArgumentNullException.ThrowIfNull(pretrained);
        _embed = Embedding.FromPretrained(pretrained, freeze: false, paddingIdx: (int)PaddingId);
        _linear = new Linear(pretrained.Shape[1], 1);
        // END SOLUTION
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor tokens, Tensor lengths)
    {
        // BEGIN SOLUTION (hint: _embed.Call, SequencePooling.Average, _linear.Call, Squeeze(1), Sigmoid())
        var pooled = SequencePooling.Average(_embed.Call(tokens), lengths);
        return _linear.Call(pooled).Squeeze(1).Sigmoid();
        // END SOLUTION
    }
}
