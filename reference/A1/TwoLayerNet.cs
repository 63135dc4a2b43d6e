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
        // BEGIN SOLUTION (hint: FcForward, ReluForward, FcForward)
        var (hidden, _) = Layers.FcForward(x, Parameters["W1"], Parameters["b1"]);
        var (activated, _) = Layers.ReluForward(hidden);
        return Layers.FcForward(activated, Parameters["W2"], Parameters["b2"]).Out;
        // END SOLUTION
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        // BEGIN SOLUTION (hint: the forward pass keeping every cache, SoftmaxLoss, then the backward passes in reverse order; regularise W1 and W2 only)
        var (w1, w2) = (Parameters["W1"], Parameters["W2"]);
        var (hidden, fc1) = Layers.FcForward(x, w1, Parameters["b1"]);
        var (activated, relu) = Layers.ReluForward(hidden);
        var (scores, fc2) = Layers.FcForward(activated, w2, Parameters["b2"]);
        var (loss, dscores) = Layers.SoftmaxLoss(scores, y);
        var (dactivated, dw2, db2) = Layers.FcBackward(dscores, fc2);
        var (_, dw1, db1) = Layers.FcBackward(Layers.ReluBackward(dactivated, relu), fc1);
        loss += 0.5 * Reg * (w1.Square().Sum().Item() + w2.Square().Sum().Item());
        return (loss, new Dictionary<string, Tensor>
        {
            ["W1"] = dw1 + (Reg * w1),
            ["b1"] = db1,
            ["W2"] = dw2 + (Reg * w2),
            ["b2"] = db2,
        });
        // END SOLUTION
    }
}
