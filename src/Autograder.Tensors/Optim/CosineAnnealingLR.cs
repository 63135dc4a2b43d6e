namespace Autograder.Tensors.Optim;

/// <summary>Cosine annealing: η = η_min + (η₀ − η_min)(1 + cos(π · epoch / T_max)) / 2.</summary>
/// <param name="optimizer">The optimizer.</param>
/// <param name="tMax">Epochs from η₀ to η_min.</param>
/// <param name="etaMin">The final learning rate.</param>
public sealed class CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    protected override double LearningRate(double initial, int epoch) =>
        etaMin + ((initial - etaMin) * (1 + Math.Cos(Math.PI * Math.Min(epoch, tMax) / tMax)) / 2);
}
