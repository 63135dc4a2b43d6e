namespace Autograder.Tensors.Ops;

/// <summary>The elementwise binary operations the tensor layer dispatches to kernels.</summary>
internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Maximum,
    Minimum,
    Pow,
}
