namespace Autograder.Tensors;

/// <summary>One entry of a tensor index: an integer (selects and drops the dimension), a range with an optional step, or a new axis.</summary>
/// <remarks>Converts implicitly from <see cref="int"/> and <see cref="System.Range"/>, so <c>x[.., 0]</c> and <c>x[1..^1, ..]</c> read like NumPy's <c>x[:, 0]</c> and <c>x[1:-1, :]</c>.</remarks>
public readonly record struct TensorIndex
{
    private TensorIndex(int? single, Range? range, int step, bool newAxis)
    {
        Single = single;
        Range = range;
        Step = step;
        IsNewAxis = newAxis;
    }

    /// <summary>Gets a new dimension of size 1 (NumPy's <c>None</c>).</summary>
    public static TensorIndex NewAxis { get; } = new(null, null, 1, true);

    /// <summary>Gets the integer index, if this selects one position.</summary>
    public int? Single { get; }

    /// <summary>Gets the range, if this slices.</summary>
    public Range? Range { get; }

    /// <summary>Gets the slice step (positive).</summary>
    public int Step { get; }

    /// <summary>Gets whether this inserts a new axis.</summary>
    public bool IsNewAxis { get; }

    /// <summary>Selects one position (negative counts from the end) and drops the dimension.</summary>
    public static implicit operator TensorIndex(int index) => new(index, null, 1, false);

    /// <summary>Slices a range of the dimension.</summary>
    public static implicit operator TensorIndex(Range range) => new(null, range, 1, false);

    /// <summary>Selects one position.</summary>
    public static TensorIndex FromInt32(int index) => index;

    /// <summary>Slices a range.</summary>
    public static TensorIndex FromRange(Range range) => range;

    /// <summary>Slices a range with a step: <c>TensorIndex.Slice(.., 2)</c> is NumPy's <c>::2</c>.</summary>
    public static TensorIndex Slice(Range range, int step)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "TensorIndex.Slice: step must be positive.");
        }

        return new(null, range, step, false);
    }
}
