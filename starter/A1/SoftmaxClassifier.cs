// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
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
        throw new NotImplementedException("TODO: one fully-connected layer: use Layers.FcForward");
    }

    /// <inheritdoc/>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        throw new NotImplementedException("TODO: FcForward, SoftmaxLoss, FcBackward; add 0.5·reg·ΣW² to the loss and reg·W to dW");
    }
}
