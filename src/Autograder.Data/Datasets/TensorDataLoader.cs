using System.Collections;

namespace Autograder.Data.Datasets;

/// <summary>Batches tensors that share their first dimension (images and labels, say), with seeded shuffling and optional drop-last.</summary>
/// <remarks>Each epoch (each enumeration) draws a new permutation from the generator, so a run is reproducible from its seed.</remarks>
public sealed class TensorDataLoader : IEnumerable<Tensors.Tensor[]>
{
    private readonly Tensors.Tensor[] _tensors;
    private readonly Tensors.Generator? _generator;

    /// <summary>Initializes a new instance of the <see cref="TensorDataLoader"/> class.</summary>
    /// <param name="tensors">Tensors indexed together along dimension 0.</param>
    /// <param name="batchSize">Examples per batch.</param>
    /// <param name="shuffle">Whether each epoch visits the examples in a new random order.</param>
    /// <param name="seed">Seeds the shuffling.</param>
    /// <param name="dropLast">Whether a last, smaller batch is skipped.</param>
    public TensorDataLoader(Tensors.Tensor[] tensors, int batchSize, bool shuffle = false, long seed = 0, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0 || tensors.Any(t => t.Dim == 0 || t.Shape[0] != tensors[0].Shape[0]))
        {
            throw new ArgumentException("TensorDataLoader: give at least one tensor, all with the same size along dimension 0.", nameof(tensors));
        }

        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "TensorDataLoader: the batch size must be positive.");
        }

        (_tensors, BatchSize, DropLast) = (tensors, batchSize, dropLast);
        _generator = shuffle ? new Tensors.Generator(seed) : null;
    }

    /// <summary>Gets the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>Gets whether a last partial batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Gets the number of examples.</summary>
    public int Count => _tensors[0].Shape[0];

    /// <summary>Gets the number of batches per epoch.</summary>
    public int Batches => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <inheritdoc/>
    public IEnumerator<Tensors.Tensor[]> GetEnumerator()
    {
        var order = _generator is null ? null : Tensors.Tensor.Randperm(_generator, Count);
        for (var b = 0; b < Batches; b++)
        {
            var start = b * BatchSize;
            var length = Math.Min(BatchSize, Count - start);
            yield return order is null
                ? [.. _tensors.Select(t => t.Narrow(0, start, length))]
                : [.. _tensors.Select(t => t.IndexSelect(0, order.Narrow(0, start, length)))];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
