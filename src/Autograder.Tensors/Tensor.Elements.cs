namespace Autograder.Tensors;

/// <summary>Element access by flat position in a contiguous tensor, as double (for non-hot paths: conversion, printing, I/O).</summary>
public sealed partial class Tensor
{
    /// <summary>Reads element <paramref name="index"/> of a contiguous tensor as a double.</summary>
    internal double GetAsDouble(int index) => DType switch
    {
        DType.Float32 => Data<float>()[Offset + index],
        DType.Float64 => Data<double>()[Offset + index],
        DType.Int64 => Data<long>()[Offset + index],
        _ => Data<bool>()[Offset + index] ? 1 : 0,
    };

    /// <summary>Writes element <paramref name="index"/> of a contiguous tensor from a double (truncating toward zero for int64, like a C cast).</summary>
    internal void SetFromDouble(int index, double value) => SetRaw(index, value);
}
