namespace Autograder.Tensors.Optim;

/// <summary>Multiplies the learning rate by γ every <c>stepSize</c> epochs: η = η₀ · γ^⌊epoch / stepSize⌋.</summary>
/// <param name="optimizer">The optimizer.</param>
/// <param name="stepSize">Epochs between decays.</param>
/// <param name="gamma">The decay factor.</param>
public sealed class StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    protected override double LearningRate(double initial, int epoch) => initial * Math.Pow(gamma, epoch / Math.Max(stepSize, 1));
}
