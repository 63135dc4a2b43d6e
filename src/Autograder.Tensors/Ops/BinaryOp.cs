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

    /// <summary>x where y &gt; 0, else 0 (ReLU's backward from its output).</summary>
    ReluGradient,
}
