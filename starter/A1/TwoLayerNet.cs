// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>A two-layer fully-connected net: affine – ReLU – affine – softmax, with L2 regularisation 0.5 · reg · (‖W1‖² + ‖W2‖²).</summary>
/// <remarks>Parameters: <c>W1</c> (D, H), <c>b1</c> (H), <c>W2</c> (H, C), <c>b2</c> (C).</remarks>
public sealed class TwoLayerNet : IModel
{
    /// <summary>Creates the net with weights drawn from N(0, weightScale²) and zero biases.</summary>
    /// <param name="inputDim">D, the size of one input.</param>
    /// <param name="hiddenDim">H, the number of hidden units.</param>
    /// <param name="numClasses">C, the number of classes.</param>
    /// <param name="weightScale">The standard deviation of the initial weights.</param>
    /// <param name="reg">The L2 regularisation strength.</param>
    /// <param name="generator">The random generator for the initial weights.</param>
    public TwoLayerNet(int inputDim, int hiddenDim, int numClasses, double weightScale, double reg, Generator generator)
    {
        Parameters["W1"] = Tensor.Randn(generator, [inputDim, hiddenDim], DType.Float64) * weightScale;
        Parameters["b1"] = Tensor.Zeros([hiddenDim], DType.Float64);
        Parameters["W2"] = Tensor.Randn(generator, [hiddenDim, numClasses], DType.Float64) * weightScale;
        Parameters["b2"] = Tensor.Zeros([numClasses], DType.Float64);
        Reg = reg;
    }

    /// <inheritdoc/>
    public IDictionary<string, Tensor> Parameters { get; } = new Dictionary<string, Tensor>();

    /// <summary>Gets or sets the L2 regularisation strength.</summary>
    public double Reg { get; set; }

    /// <inheritdoc/>
    public Tensor Scores(Tensor x)
    {
        throw new NotImplementedException("TODO: FcForward, ReluForward, FcForward");
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        throw new NotImplementedException("TODO: the forward pass keeping every cache, SoftmaxLoss, then the backward passes in reverse order; regularise W1 and W2 only");
    }
}
