using Autograder.Tensors;
using Homework.A1;

namespace Homework.A2;

/// <summary>
/// A three-layer convolutional net for A1's <see cref="Solver"/>: conv – ReLU – 2×2 max-pool – affine – ReLU – affine – softmax,
/// with L2 regularisation 0.5 · reg · (‖W1‖² + ‖W2‖² + ‖W3‖²).
/// </summary>
/// <remarks>
/// The convolution keeps the size: stride 1, padding (filterSize − 1) / 2 (<see cref="StridedConv"/>); the pool halves it.
/// Parameters: <c>W1</c> (F, C, k, k), <c>b1</c> (F), <c>W2</c> (F·(H/2)·(W/2), hidden), <c>b2</c> (hidden),
/// <c>W3</c> (hidden, classes), <c>b3</c> (classes). Inputs are images, (N, C, H, W).
/// </remarks>
public sealed class ThreeLayerConvNet : IModel
{
    /// <summary>Creates the net with weights drawn from N(0, weightScale²) and zero biases, in the order W1, W2, W3.</summary>
    /// <param name="inputDims">(C, H, W) of one image; H and W even.</param>
    /// <param name="numFilters">F, the number of convolution filters.</param>
    /// <param name="filterSize">k, the (odd) height and width of each filter.</param>
    /// <param name="hiddenDim">The number of hidden units of the first affine layer.</param>
    /// <param name="numClasses">The number of classes.</param>
    /// <param name="weightScale">The standard deviation of the initial weights.</param>
    /// <param name="reg">The L2 regularisation strength.</param>
    /// <param name="generator">The random generator for the initial weights.</param>
    public ThreeLayerConvNet((int C, int H, int W) inputDims, int numFilters, int filterSize, int hiddenDim, int numClasses, double weightScale, double reg, Generator generator)
    {
        var (c, h, w) = inputDims;
        Parameters["W1"] = Tensor.Randn(generator, [numFilters, c, filterSize, filterSize], DType.Float64) * weightScale;
        Parameters["b1"] = Tensor.Zeros([numFilters], DType.Float64);
        Parameters["W2"] = Tensor.Randn(generator, [numFilters * (h / 2) * (w / 2), hiddenDim], DType.Float64) * weightScale;
        Parameters["b2"] = Tensor.Zeros([hiddenDim], DType.Float64);
        Parameters["W3"] = Tensor.Randn(generator, [hiddenDim, numClasses], DType.Float64) * weightScale;
        Parameters["b3"] = Tensor.Zeros([numClasses], DType.Float64);
        Reg = reg;
    }

    /// <inheritdoc/>
    public IDictionary<string, Tensor> Parameters { get; } = new Dictionary<string, Tensor>();

    /// <summary>Gets or sets the L2 regularisation strength.</summary>
    public double Reg { get; set; }

    /// <inheritdoc/>
    public Tensor Scores(Tensor x)
    {
        // BEGIN SOLUTION (hint: StridedConv.Forward with stride 1 and padding (k − 1) / 2, ReluForward, MaxPool.Forward(2, 2), flatten, FcForward, ReluForward, FcForward)
        return Forward(x).Scores;
        // END SOLUTION
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        // BEGIN SOLUTION (hint: the forward pass keeping every cache, SoftmaxLoss, then each layer's backward in reverse order; the pooled maps are flattened before the affine layer and reshaped back after it)
        var (scores, caches) = Forward(x);
        var (loss, dscores) = Layers.SoftmaxLoss(scores, y);
        var (dhidden, dw3, db3) = Layers.FcBackward(dscores, caches.Fc3);
        var (dflat, dw2, db2) = Layers.FcBackward(Layers.ReluBackward(dhidden, caches.Relu2), caches.Fc2);
        var dpooled = dflat.Reshape([.. caches.PooledShape]);
        var dconv = Layers.ReluBackward(MaxPool.Backward(dpooled, caches.Pool), caches.Relu1);
        var (_, dw1, db1) = StridedConv.Backward(dconv, caches.Conv);
        var (w1, w2, w3) = (Parameters["W1"], Parameters["W2"], Parameters["W3"]);
        loss += 0.5 * Reg * (w1.Square().Sum().Item() + w2.Square().Sum().Item() + w3.Square().Sum().Item());
        return (loss, new Dictionary<string, Tensor>
        {
            ["W1"] = dw1 + (Reg * w1),
            ["b1"] = db1,
            ["W2"] = dw2 + (Reg * w2),
            ["b2"] = db2,
            ["W3"] = dw3 + (Reg * w3),
            ["b3"] = db3,
        });
        // END SOLUTION
    }

    // BEGIN SOLUTION REMOVE

    /// <summary>The forward pass: the scores and every layer's cache.</summary>
    private (Tensor Scores, ForwardCaches Caches) Forward(Tensor x)
    {
        var w1 = Parameters["W1"];
        var (conv, convCache) = StridedConv.Forward(x, w1, Parameters["b1"], 1, (w1.Shape[2] - 1) / 2);
        var (activated, relu1) = Layers.ReluForward(conv);
        var (pooled, pool) = MaxPool.Forward(activated, 2, 2);
        var (hidden, fc2) = Layers.FcForward(pooled.Reshape(pooled.Shape[0], -1), Parameters["W2"], Parameters["b2"]);
        var (hiddenActivated, relu2) = Layers.ReluForward(hidden);
        var (scores, fc3) = Layers.FcForward(hiddenActivated, Parameters["W3"], Parameters["b3"]);
        return (scores, new ForwardCaches(convCache, relu1, pool, pooled.Shape.ToArray(), fc2, relu2, fc3));
    }

    /// <summary>The caches of one forward pass, in layer order.</summary>
    private sealed record ForwardCaches(StridedConvCache Conv, Tensor Relu1, MaxPoolCache Pool, int[] PooledShape, FcCache Fc2, Tensor Relu2, FcCache Fc3);

    // END SOLUTION
}
