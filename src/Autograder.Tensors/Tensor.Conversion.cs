using Autograder.Tensors.Autograd.Functions;
using Autograder.Tensors.Ops;

namespace Autograder.Tensors;

/// <summary>Copies and element-type conversions.</summary>
public sealed partial class Tensor
{
    /// <summary>Returns a contiguous copy (which stays in the autograd graph).</summary>
    public Tensor Clone() => StridedCopy.Contiguous(this).WithGradFn(() => new CloneBackward(this), this);

    /// <summary>Returns this tensor converted to <paramref name="dtype"/> (this tensor itself if already of that type).</summary>
    public Tensor To(DType dtype) => dtype == DType
        ? this
        : StridedCopy.Convert(this, dtype).WithGradFn(() => new ToDTypeBackward(this), dtype.IsFloatingPoint() ? this : Detach());

    /// <summary>Converts to float32.</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>Converts to float64.</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>Converts to int64 (truncating toward zero).</summary>
    public Tensor Long() => To(DType.Int64);

    /// <summary>Converts to bool (non-zero is true).</summary>
    public Tensor Bool() => To(DType.Bool);
}
