using Autograder.Tensors;

namespace Homework.A1;

/// <summary>SGD with momentum: v ← momentum · v − learningRate · dw; w ← w + v.</summary>
/// <param name="learningRate">The step size.</param>
/// <param name="momentum">How much of the previous velocity is kept, in [0, 1).</param>
public sealed class SgdMomentum(double learningRate, double momentum = 0.9) : IUpdateRule
{
    /// <inheritdoc/>
    public double LearningRate { get; set; } = learningRate;

    /// <summary>Gets the momentum.</summary>
    public double Momentum { get; } = momentum;

    /// <summary>Gets or sets the velocity: null before the first step (then it starts at zero).</summary>
    public Tensor? Velocity { get; set; }

    /// <inheritdoc/>
    public Tensor Step(Tensor w, Tensor dw)
    {
        // BEGIN SOLUTION (hint: start the velocity at zeros shaped like w; keep the new velocity in Velocity)
        ArgumentNullException.ThrowIfNull(w);
        var velocity = Velocity ?? Tensor.ZerosLike(w);
        Velocity = (Momentum * velocity) - (LearningRate * dw);
        return w + Velocity;
        // END SOLUTION
    }
}
