namespace Autograder.Data.Datasets;

/// <summary>Collate functions for <see cref="DataLoader{T, TBatch}"/>.</summary>
public static class Collate
{
    /// <summary>Pads token sequences to the longest one: (N, T_max) int64 ids plus the (N) int64 lengths.</summary>
    public static (Tensors.Tensor Padded, Tensors.Tensor Lengths) PadSequences(IReadOnlyList<IReadOnlyList<long>> sequences, long padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var longest = sequences.Count == 0 ? 0 : sequences.Max(s => s.Count);
        var padded = new long[sequences.Count * longest];
        Array.Fill(padded, padValue);
        for (var i = 0; i < sequences.Count; i++)
        {
            for (var t = 0; t < sequences[i].Count; t++)
            {
                padded[(i * longest) + t] = sequences[i][t];
            }
        }

        return (Tensors.Tensor.FromArray(padded, sequences.Count, longest), Tensors.Tensor.FromArray(sequences.Select(s => (long)s.Count).ToArray()));
    }

    /// <summary>Stacks equally shaped example tensors along a new first dimension.</summary>
    public static Tensors.Tensor Stack(IReadOnlyList<Tensors.Tensor> examples) => Tensors.Tensor.Stack(examples);
}
