namespace Autograder.Tensors.NN;

/// <summary>Multi-head scaled dot-product attention with input and output projections, as <c>torch.nn.MultiheadAttention</c>.</summary>
/// <remarks>
/// Per head: softmax(Q Kᵀ / √d + mask) V with Q, K, V the projections of query, key and value (in_proj_weight
/// stacks W_q, W_k, W_v). Boolean masks mark positions that may not be attended (true = masked).
/// </remarks>
public sealed class MultiheadAttention : Module
{
    private readonly Holder _inProjWeight;
    private readonly Holder _inProjBias;
    private readonly Linear _outProj;

    /// <summary>Initializes a new instance of the <see cref="MultiheadAttention"/> class.</summary>
    public MultiheadAttention(int embedDim, int numHeads, bool batchFirst = false, Generator? generator = null, DType dtype = DType.Float32)
    {
        if (numHeads < 1 || embedDim % numHeads != 0)
        {
            ThrowHelper.Shape("MultiheadAttention", $"embed_dim ({embedDim}) must be divisible by num_heads ({numHeads}).");
        }

        (EmbedDim, NumHeads, BatchFirst) = (embedDim, numHeads, batchFirst);
        _inProjWeight = RegisterParameter("in_proj_weight", Init.XavierUniform([3 * embedDim, embedDim], embedDim, 3 * embedDim, 1, generator, dtype));
        _inProjBias = RegisterParameter("in_proj_bias", Tensor.Zeros([3 * embedDim], dtype));
        _outProj = RegisterModule("out_proj", new Linear(embedDim, embedDim, true, generator, dtype));
        using (Tensor.NoGrad())
        {
            _outProj.Bias!.Zero_();
        }
    }

    /// <summary>Gets the model dimension E.</summary>
    public int EmbedDim { get; }

    /// <summary>Gets the number of heads.</summary>
    public int NumHeads { get; }

    /// <summary>Gets whether inputs are (N, L, E) instead of (L, N, E).</summary>
    public bool BatchFirst { get; }

    /// <summary>Attends from query to key/value.</summary>
    /// <param name="query">(L, N, E), or (N, L, E) when batch-first.</param>
    /// <param name="key">(S, N, E), or (N, S, E).</param>
    /// <param name="value">(S, N, E), or (N, S, E).</param>
    /// <param name="keyPaddingMask">(N, S) bool: true where a key is padding.</param>
    /// <param name="attnMask">(L, S) bool (true = masked) or float (added to the scores).</param>
    /// <returns>The output, shaped like the query, and the attention weights averaged over heads, (N, L, S).</returns>
    public (Tensor Output, Tensor Weights) Forward(Tensor query, Tensor key, Tensor value, Tensor? keyPaddingMask = null, Tensor? attnMask = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Tensor q = BatchFirst ? query : query.Transpose(0, 1), k = BatchFirst ? key : key.Transpose(0, 1), v = BatchFirst ? value : value.Transpose(0, 1);
        if (q.Shape[^1] != EmbedDim || k.Shape[^1] != EmbedDim || v.Shape[^1] != EmbedDim)
        {
            ThrowHelper.Shape("MultiheadAttention", $"query, key and value must end with embed_dim={EmbedDim}; got {ThrowHelper.Dims(query.Shape)}, {ThrowHelper.Dims(key.Shape)}, {ThrowHelper.Dims(value.Shape)}.");
        }

        var w = _inProjWeight.Value.Chunk(3);
        var b = _inProjBias.Value.Chunk(3);
        int n = q.Shape[0], l = q.Shape[1], s = k.Shape[1], d = EmbedDim / NumHeads;
        Tensor Heads(Tensor x, int i, int length) => (x.MatMul(w[i].T) + b[i]).Reshape(n, length, NumHeads, d).Transpose(1, 2);
        var scores = Heads(q, 0, l).MatMul(Heads(k, 1, s).Transpose(-2, -1)) / Math.Sqrt(d);
        if (attnMask is not null)
        {
            scores = attnMask.DType == DType.Bool ? scores.MaskedFill(attnMask, double.NegativeInfinity) : scores + attnMask;
        }

        if (keyPaddingMask is not null)
        {
            scores = scores.MaskedFill(keyPaddingMask.Reshape(n, 1, 1, s), double.NegativeInfinity);
        }

        var weights = scores.Softmax(-1);
        var attended = weights.MatMul(Heads(v, 2, s)).Transpose(1, 2).Reshape(n, l, EmbedDim);
        var output = _outProj.Call(attended);
        return (BatchFirst ? output : output.Transpose(0, 1), weights.Mean(1));
    }
}
