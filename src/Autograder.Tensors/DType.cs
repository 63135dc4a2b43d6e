namespace Autograder.Tensors;

/// <summary>The element type of a tensor.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float (PyTorch's default).</summary>
    Float32,

    /// <summary>64-bit IEEE float (used by gradient checks).</summary>
    Float64,

    /// <summary>64-bit signed integer (indices and labels).</summary>
    Int64,

    /// <summary>Boolean (masks and comparison results).</summary>
    Bool,
}

/// <summary>Facts about <see cref="DType"/> values and PyTorch's type-promotion rule.</summary>
public static class DTypes
{
    /// <summary>Returns whether the type is a floating-point type.</summary>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>Returns the size of one element in bytes.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        DType.Float64 => 8,
        DType.Int64 => 8,
        _ => 1,
    };

    /// <summary>Returns PyTorch's name for the type (<c>torch.float32</c> prints as <c>float32</c>).</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int64 => "int64",
        _ => "bool",
    };

    /// <summary>The result type of a binary op: bool &lt; int64 &lt; float32 &lt; float64.</summary>
    public static DType Promote(DType a, DType b) => (DType)Math.Max(Rank(a), Rank(b)) switch
    {
        var r when r == (DType)3 => DType.Float64,
        var r when r == (DType)2 => DType.Float32,
        var r when r == (DType)1 => DType.Int64,
        _ => DType.Bool,
    };

    /// <summary>Returns the element type's CLR type.</summary>
    public static Type ClrType(this DType dtype) => dtype switch
    {
        DType.Float32 => typeof(float),
        DType.Float64 => typeof(double),
        DType.Int64 => typeof(long),
        _ => typeof(bool),
    };

    /// <summary>Returns the <see cref="DType"/> of a CLR element type.</summary>
    public static DType Of<T>() => typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(long) ? DType.Int64
        : typeof(T) == typeof(bool) ? DType.Bool
        : throw new NotSupportedException($"No tensor dtype for {typeof(T).Name}; use float, double, long or bool.");

    private static int Rank(DType d) => d switch
    {
        DType.Bool => 0,
        DType.Int64 => 1,
        DType.Float32 => 2,
        _ => 3,
    };
}
