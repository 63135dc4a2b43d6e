using Autograder.Tensors;

namespace Homework.A1;

/// <summary>A linear softmax classifier: scores = X W + b, softmax loss plus L2 regularisation 0.5 · reg · ‖W‖².</summary>
public sealed class SoftmaxClassifier : IModel
{
    /// <summary>Creates the classifier with W drawn from N(0, weightScale²) and b = 0.</summary>
    /// <param name="inputDim">D, the size of one input.</param>
    /// <param name="numClasses">C, the number of classes.</param>
    /// <param name="weightScale">The standard deviation of the initial weights.</param>
    /// <param name="reg">The L2 regularisation strength.</param>
    /// <param name="generator">The random generator for the initial weights.</param>
    public SoftmaxClassifier(int inputDim, int numClasses, double weightScale, double reg, Generator generator)
    {
        Parameters["W"] = Tensor.Randn(generator, [inputDim, numClasses], DType.Float64) * weightScale;
        Parameters["b"] = Tensor.Zeros([numClasses], DType.Float64);
        Reg = reg;
    }

    /// <inheritdoc/>
    public IDictionary<string, Tensor> Parameters { get; } = new Dictionary<string, Tensor>();

    /// <summary>Gets or sets the L2 regularisation strength.</summary>
    public double Reg { get; set; }

    /// <inheritdoc/>
    public Tensor Scores(Tensor x)
    {
        // BEGIN SOLUTION (hint: one fully-connected layer: use Layers.FcForward)
        return Layers.FcForward(x, Parameters["W"], Parameters["b"]).Out;
        // END SOLUTION
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        // BEGIN SOLUTION (hint: FcForward, SoftmaxLoss, FcBackward; add 0.5·reg·ΣW² to the loss and reg·W to dW)
        var w = Parameters["W"];
        var (scores, cache) = Layers.FcForward(x, w, Parameters["b"]);
        var (loss, dscores) = Layers.SoftmaxLoss(scores, y);
        var (_, dw, db) = Layers.FcBackward(dscores, cache);
        loss += 0.5 * Reg * w.Square().Sum().Item();
        return (loss, new Dictionary<string, Tensor> { ["W"] = dw + (Reg * w), ["b"] = db });
        // END SOLUTION
    }
}
