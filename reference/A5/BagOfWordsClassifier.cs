using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A5;

/// <summary>Model 1: the bag-of-words vector → Linear(V, 1) → sigmoid.</summary>
/// <remarks>Declare the layer as a field named <c>_linear</c>, so that its parameters are <c>linear.weight</c> and <c>linear.bias</c>.</remarks>
public sealed class BagOfWordsClassifier : SentenceClassifier
{
    // BEGIN SOLUTION REMOVE (hint: one field, _linear)
    private readonly Linear _linear;

    // END SOLUTION

    /// <summary>Initializes a new instance of the <see cref="BagOfWordsClassifier"/> class (float32; initial weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="vocabularySize">V, the number of words.</param>
    public BagOfWordsClassifier(int vocabularySize)
    {
        // BEGIN SOLUTION (hint: set VocabularySize; a Linear layer from V inputs to 1 output)
        VocabularySize = vocabularySize;
        _linear = new Linear(vocabularySize, 1);
        // END SOLUTION
    }

    /// <summary>Gets V, the number of words.</summary>
    public int VocabularySize { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor tokens, Tensor lengths)
    {
        // BEGIN SOLUTION (hint: BagOfWords.Vectors, then _linear.Call; Squeeze(1) to (N); Sigmoid())
        var bags = BagOfWords.Vectors(tokens, lengths, VocabularySize).To(_linear.Weight.DType);
        return _linear.Call(bags).Squeeze(1).Sigmoid();
        // END SOLUTION
    }
}
