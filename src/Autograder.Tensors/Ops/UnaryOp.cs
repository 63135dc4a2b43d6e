namespace Autograder.Tensors.Ops;

/// <summary>The elementwise functions the tensor layer dispatches to kernels.</summary>
internal enum UnaryOp
{
    Negate,
    Abs,
    Square,
    Relu,
    Exp,
    Log,
    Sqrt,
    Tanh,
    Sigmoid,
    Sin,
    Cos,
    Reciprocal,
}
