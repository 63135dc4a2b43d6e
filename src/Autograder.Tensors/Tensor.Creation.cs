using Autograder.Tensors.Iteration;
using Autograder.Tensors.Storage;

namespace Autograder.Tensors;

/// <summary>Factory methods: from arrays, constants, ranges, and seeded random numbers.</summary>
public sealed partial class Tensor
{
    /// <summary>Wraps a copy of <paramref name="data"/> in a tensor of the given shape (default: 1-D).</summary>
    /// <typeparam name="T">float, double, long or bool.</typeparam>
    public static Tensor FromArray<T>(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        shape = shape.Length == 0 ? [data.Length] : (int[])shape.Clone();
        if (Layout.NumEl(shape, "FromArray") != data.Length)
        {
            ThrowHelper.Shape("FromArray", $"shape {ThrowHelper.Dims(shape)} needs {Layout.NumEl(shape)} elements; got {data.Length}.");
        }

        return new Tensor(new TensorStorage<T>((T[])data.Clone()), shape);
    }

    /// <summary>Creates a tensor from a 2-D array (rows × columns).</summary>
    public static Tensor FromArray<T>(T[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new T[data.Length];
        var i = 0;
        foreach (var v in data)
        {
            flat[i++] = v;
        }

        return new Tensor(new TensorStorage<T>(flat), [data.GetLength(0), data.GetLength(1)]);
    }

    /// <summary>Creates a 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32) => Full([], value, dtype);

    /// <summary>Creates an uninitialised (zero-filled) tensor.</summary>
    public static Tensor Empty(int[] shape, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new Tensor(TensorStorage.Allocate(dtype, Layout.NumEl(shape, "Empty")), (int[])shape.Clone());
    }

    /// <summary>Creates a tensor whose elements the caller will overwrite (contents are arbitrary).</summary>
    internal static Tensor Uninitialized(int[] shape, DType dtype) =>
        new(TensorStorage.Allocate(dtype, Layout.NumEl(shape, "Empty"), zeroed: false), (int[])shape.Clone());

    /// <summary>Creates a float32 tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape) => Empty(shape);

    /// <summary>Creates a tensor of zeros.</summary>
    public static Tensor Zeros(int[] shape, DType dtype) => Empty(shape, dtype);

    /// <summary>Creates a float32 tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(shape, 1);

    /// <summary>Creates a tensor of ones.</summary>
    public static Tensor Ones(int[] shape, DType dtype) => Full(shape, 1, dtype);

    /// <summary>Creates a tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32)
    {
        var t = Empty(shape, dtype);
        t.FillRaw(value);
        return t;
    }

    /// <summary>Creates zeros with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => Empty(Checked(like).ShapeArray, like.DType);

    /// <summary>Creates ones with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor OnesLike(Tensor like) => Full(Checked(like).ShapeArray, 1, like.DType);

    /// <summary>Creates [start, start + step, …) up to but excluding <paramref name="end"/>.</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Int64)
    {
        if (step == 0 || double.IsNaN(start) || double.IsNaN(end) || double.IsNaN(step))
        {
            ThrowHelper.Shape("Arange", $"step must be non-zero and bounds finite; got start={start}, end={end}, step={step}.");
        }

        var n = (int)Math.Max(0, Math.Ceiling((end - start) / step));
        var t = Empty([n], dtype);
        for (var i = 0; i < n; i++)
        {
            t.SetRaw(i, start + (i * step));
        }

        return t;
    }

    /// <summary>Creates [0, 1, …, end − 1] as int64.</summary>
    public static Tensor Arange(int end) => Arange(0, end);

    /// <summary>Creates <paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        if (steps < 0)
        {
            ThrowHelper.Shape("Linspace", $"number of steps must be non-negative; got {steps}.");
        }

        var t = Empty([steps], dtype);
        var delta = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (var i = 0; i < steps; i++)
        {
            t.SetRaw(i, i == steps - 1 ? end : start + (i * delta));
        }

        return t;
    }

    /// <summary>Creates an n×m identity matrix (m defaults to n).</summary>
    public static Tensor Eye(int n, int? m = null, DType dtype = DType.Float32)
    {
        var cols = m ?? n;
        var t = Empty([n, cols], dtype);
        for (var i = 0; i < Math.Min(n, cols); i++)
        {
            t.SetRaw((i * cols) + i, 1);
        }

        return t;
    }

    /// <summary>Uniform draws taken from a generator at a time when they are rounded to float32 (a stack buffer's length).</summary>
    internal const int UniformBlock = 512;

    /// <summary>Uniform samples from [0, 1), drawn in row-major order from <paramref name="generator"/>.</summary>
    public static Tensor Rand(Generator generator, int[] shape, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = FloatTensor("Rand", shape, dtype);
        if (dtype == DType.Float32)
        {
            var values = t.ContiguousSpan<float>();
            Span<double> block = stackalloc double[UniformBlock];
            for (var start = 0; start < values.Length; start += UniformBlock)
            {
                var draws = block[..Math.Min(UniformBlock, values.Length - start)];
                generator.NextDoubles(draws);
                for (var i = 0; i < draws.Length; i++)
                {
                    values[start + i] = (float)draws[i];
                }
            }
        }
        else
        {
            generator.NextDoubles(t.ContiguousSpan<double>());
        }

        return t;
    }

    /// <summary>Standard normal samples, drawn in row-major order from <paramref name="generator"/>.</summary>
    public static Tensor Randn(Generator generator, int[] shape, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = FloatTensor("Randn", shape, dtype);
        for (var i = 0; i < t.NumEl; i++)
        {
            t.SetRaw(i, generator.NextNormal());
        }

        return t;
    }

    /// <summary>Uniform integers from [low, high), drawn in row-major order from <paramref name="generator"/>.</summary>
    public static Tensor Randint(Generator generator, long low, long high, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var t = Empty(shape, DType.Int64);
        var data = t.Data<long>();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = generator.NextInt64(low, high);
        }

        return t;
    }

    /// <summary>A random permutation of [0, n) as int64 (Fisher–Yates).</summary>
    public static Tensor Randperm(Generator generator, int n)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var values = new long[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)generator.NextInt64(0, i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }

        return new Tensor(new TensorStorage<long>(values), [n]);
    }

    private static Tensor Checked(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t;
    }

    private static Tensor FloatTensor(string op, int[] shape, DType dtype)
    {
        if (!dtype.IsFloatingPoint())
        {
            ThrowHelper.DTypeError(op, $"expected a floating-point dtype; got {dtype.Name()}.");
        }

        return Empty(shape, dtype);
    }

    /// <summary>Sets storage element <paramref name="index"/> (of a fresh contiguous tensor) from a double.</summary>
    private void SetRaw(int index, double value)
    {
        switch (DType)
        {
            case DType.Float32: Data<float>()[Offset + index] = (float)value; break;
            case DType.Float64: Data<double>()[Offset + index] = value; break;
            case DType.Int64: Data<long>()[Offset + index] = (long)value; break;
            default: Data<bool>()[Offset + index] = value != 0; break;
        }
    }

    /// <summary>Fills the storage of a fresh contiguous tensor with one value.</summary>
    private void FillRaw(double value)
    {
        switch (DType)
        {
            case DType.Float32: ContiguousSpan<float>().Fill((float)value); break;
            case DType.Float64: ContiguousSpan<double>().Fill(value); break;
            case DType.Int64: ContiguousSpan<long>().Fill((long)value); break;
            default: ContiguousSpan<bool>().Fill(value != 0); break;
        }
    }
}
