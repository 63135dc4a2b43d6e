namespace Autograder.Data.Datasets;

/// <summary>A finite, indexable collection of examples (PyTorch's map-style <c>Dataset</c>).</summary>
/// <typeparam name="T">The example type.</typeparam>
public interface IDataset<out T>
{
    /// <summary>Gets the number of examples.</summary>
    int Count { get; }

    /// <summary>Gets the example at a position.</summary>
    T this[int index] { get; }
}
