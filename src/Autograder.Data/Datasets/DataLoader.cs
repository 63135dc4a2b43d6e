using System.Collections;

namespace Autograder.Data.Datasets;

/// <summary>Batches examples of any dataset through a collate function, with seeded shuffling and optional drop-last (PyTorch's <c>DataLoader</c>).</summary>
/// <typeparam name="T">The example type.</typeparam>
/// <typeparam name="TBatch">The batch type the collate function builds.</typeparam>
public sealed class DataLoader<T, TBatch> : IEnumerable<TBatch>
{
    private readonly IDataset<T> _dataset;
    private readonly Func<IReadOnlyList<T>, TBatch> _collate;
    private readonly Tensors.Generator? _generator;

    /// <summary>Initializes a new instance of the <see cref="DataLoader{T, TBatch}"/> class.</summary>
    public DataLoader(IDataset<T> dataset, int batchSize, Func<IReadOnlyList<T>, TBatch> collate, bool shuffle = false, long seed = 0, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(collate);
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "DataLoader: the batch size must be positive.");
        }

        (_dataset, _collate, BatchSize, DropLast) = (dataset, collate, batchSize, dropLast);
        _generator = shuffle ? new Tensors.Generator(seed) : null;
    }

    /// <summary>Gets the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>Gets whether a last partial batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Gets the number of batches per epoch.</summary>
    public int Batches => DropLast ? _dataset.Count / BatchSize : (_dataset.Count + BatchSize - 1) / BatchSize;

    /// <inheritdoc/>
    public IEnumerator<TBatch> GetEnumerator()
    {
        var order = _generator is null
            ? [.. Enumerable.Range(0, _dataset.Count).Select(i => (long)i)]
            : Tensors.Tensor.Randperm(_generator, _dataset.Count).ToArray<long>();
        for (var b = 0; b < Batches; b++)
        {
            var start = b * BatchSize;
            var items = new List<T>(BatchSize);
            for (var i = start; i < Math.Min(start + BatchSize, order.Length); i++)
            {
                items.Add(_dataset[(int)order[i]]);
            }

            yield return _collate(items);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
