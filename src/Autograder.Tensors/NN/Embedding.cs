namespace Autograder.Tensors.NN;

/// <summary>A lookup table of vectors indexed by int64 ids, as <c>torch.nn.Embedding</c> (weights N(0, 1) by default).</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    private readonly Holder _weight;

    /// <summary>Initializes a new instance of the <see cref="Embedding"/> class.</summary>
    /// <param name="numEmbeddings">The vocabulary size.</param>
    /// <param name="embeddingDim">The vector size.</param>
    /// <param name="paddingIdx">An id whose vector stays zero and receives no gradient.</param>
    /// <param name="generator">The source of the initial weights.</param>
    /// <param name="dtype">The weights' dtype.</param>
    public Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null, Generator? generator = null, DType dtype = DType.Float32)
    {
        PaddingIdx = paddingIdx;
        var weight = Init.Normal([numEmbeddings, embeddingDim], 0, 1, generator, dtype);
        if (paddingIdx is { } pad)
        {
            weight[pad] = Tensor.Scalar(0, dtype);
        }

        _weight = RegisterParameter("weight", weight);
    }

    /// <summary>Gets the padding id, if any.</summary>
    public int? PaddingIdx { get; }

    /// <summary>Gets the table, (numEmbeddings, embeddingDim).</summary>
    public Tensor Weight => _weight.Value;

    /// <summary>Creates an embedding from pretrained vectors (e.g. GloVe), frozen unless <paramref name="freeze"/> is false.</summary>
    public static Embedding FromPretrained(Tensor embeddings, bool freeze = true, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Dim != 2)
        {
            ThrowHelper.Shape("Embedding.FromPretrained", $"embeddings must be 2-D (vocabulary, dim); got {ThrowHelper.Dims(embeddings.Shape)}.");
        }

        var embedding = new Embedding(embeddings.Shape[0], embeddings.Shape[1], paddingIdx, new Generator(0), embeddings.DType);
        using (Tensor.NoGrad())
        {
            embedding.Weight.CopyFrom(embeddings);
        }

        embedding.Weight.RequiresGrad = !freeze;
        return embedding;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = Weight.IndexSelect(0, input.Reshape(-1));
        if (PaddingIdx is { } pad)
        {
            rows *= input.Reshape(-1, 1).Ne(pad);
        }

        return rows.Reshape([.. input.Shape.ToArray(), Weight.Shape[1]]);
    }
}
