// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A6;

/// <summary>
/// One head of self-attention with its own projections: Q = x W_q, K = x W_k, V = x W_v, and the output
/// softmax(Q Kᵀ / √d_k) V, each position a weighted average of every position's value.
/// </summary>
/// <remarks>The projections are given: <c>query</c> and <c>key</c> from the hidden size to d_k, <c>value</c> to d_v (parameters <c>query.weight</c>, <c>query.bias</c>, <c>key.…</c>, <c>value.…</c>).</remarks>
public sealed class AttentionHead : Module<Tensor, Tensor>
{
    /// <summary>Initializes a new instance of the <see cref="AttentionHead"/> class (float32, weights from <see cref="Init.DefaultGenerator"/>).</summary>
    /// <param name="hiddenSize">The size of each position's input.</param>
    /// <param name="keySize">d_k, the size of a query and of a key.</param>
    /// <param name="valueSize">d_v, the size of a value (and of this head's output).</param>
    public AttentionHead(int hiddenSize, int keySize, int valueSize)
    {
        Query = new Linear(hiddenSize, keySize);
        Key = new Linear(hiddenSize, keySize);
        Value = new Linear(hiddenSize, valueSize);
    }

    /// <summary>Gets the query projection W_q (hidden → d_k).</summary>
    public Linear Query { get; }

    /// <summary>Gets the key projection W_k (hidden → d_k).</summary>
    public Linear Key { get; }

    /// <summary>Gets the value projection W_v (hidden → d_v).</summary>
    public Linear Value { get; }

    /// <summary>The attention weights softmax(Q Kᵀ / √d_k): row i says how much position i reads from each position.</summary>
    /// <param name="inputs">x, (N, T, hidden).</param>
    /// <returns>(N, T, T), each row summing to one over the last axis (the keys).</returns>
    public Tensor Weights(Tensor inputs)
    {
        throw new NotImplementedException("TODO: Query.Call(inputs).MatMul(Key.Call(inputs).Transpose(1, 2)), divided by Math.Sqrt(d_k = Key.OutFeatures); Functional.Softmax over dimension 2");
    }

    /// <summary>The head's output: the attention weights times the values.</summary>
    /// <param name="input">x, (N, T, hidden).</param>
    /// <returns>(N, T, d_v).</returns>
    public override Tensor Forward(Tensor input)
    {
        throw new NotImplementedException("TODO: Weights(input).MatMul(Value.Call(input))");
    }
}
