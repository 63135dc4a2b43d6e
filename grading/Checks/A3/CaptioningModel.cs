using Autograder.Grading.Checks;
using Autograder.Tensors;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>A small captioning model with weights drawn from the check's seed (V 10, D 6, W 5, H 4), and a minibatch of padded captions.</summary>
internal static class CaptioningModel
{
    public const int Vocabulary = 10;

    /// <summary>
    /// The model with every parameter set from <paramref name="context"/>'s generator (biases non-zero, so a dropped bias
    /// shows): word vectors of 5 and a state of 4, or, for sampling, wider ones with the word embedding scaled up, so that
    /// the word fed back moves the state and greedy captions change word by word (with the small sizes most were one word
    /// repeated).
    /// </summary>
    public static CaptioningRnn Create(ProbeContext context, CellType cell, bool forSampling = false) =>
        Create(context, cell, forSampling ? new Sizes(Vocabulary, 6, 8, 16) : new Sizes(Vocabulary, 6, 5, 4), forSampling);

    /// <summary>Like <see cref="Create(ProbeContext, CellType, bool)"/> with the given sizes (hidden checks draw them).</summary>
    public static CaptioningRnn Create(ProbeContext context, CellType cell, Sizes sizes, bool forSampling)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var model = new CaptioningRnn(sizes.Vocabulary, sizes.Input, sizes.WordVector, sizes.Hidden, cell, new Generator(0), sizes.NullToken, sizes.StartToken);
        foreach (var name in model.Parameters.Keys.Order(StringComparer.Ordinal).ToList())
        {
            model.Parameters[name] = context.Randn([.. model.Parameters[name].Shape.ToArray()]) * (forSampling && name == "W_embed" ? 2.0 : 0.5);
        }

        return model;
    }

    /// <summary>A captioning model's sizes: vocabulary V, image features D, word vectors W, hidden state H; and its padding and start words.</summary>
    public sealed record Sizes(int Vocabulary, int Input, int WordVector, int Hidden, long NullToken = 0, long StartToken = 1);

    /// <summary>Three captions of seven tokens: start word, words, end word, then padding (index 0) of different lengths.</summary>
    public static Tensor Captions() => Tensor.FromArray(new long[]
    {
        1, 4, 5, 6, 2, 0, 0,
        1, 7, 3, 8, 9, 4, 2,
        1, 9, 2, 0, 0, 0, 0,
    }, 3, 7);
}
