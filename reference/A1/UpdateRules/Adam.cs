using Autograder.Tensors;

namespace Homework.A1;

/// <summary>Adam: moving averages of the gradient and its square, bias-corrected.</summary>
/// <remarks>
/// t ← t + 1; m ← β₁ m + (1 − β₁) dw; v ← β₂ v + (1 − β₂) dw²; m̂ = m / (1 − β₁ᵗ); v̂ = v / (1 − β₂ᵗ);
/// w ← w − learningRate · m̂ / (√v̂ + ε).
/// </remarks>
/// <param name="learningRate">The step size.</param>
/// <param name="beta1">The decay of the first moment.</param>
/// <param name="beta2">The decay of the second moment.</param>
/// <param name="epsilon">Keeps the division finite.</param>
public sealed class Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IUpdateRule
{
    /// <inheritdoc/>
    public double LearningRate { get; set; } = learningRate;

    /// <summary>Gets the decay of the first moment.</summary>
    public double Beta1 { get; } = beta1;

    /// <summary>Gets the decay of the second moment.</summary>
    public double Beta2 { get; } = beta2;

    /// <summary>Gets epsilon.</summary>
    public double Epsilon { get; } = epsilon;

    /// <summary>Gets or sets the first moment m: null before the first step (then it starts at zero).</summary>
    public Tensor? M { get; set; }

    /// <summary>Gets or sets the second moment v: null before the first step (then it starts at zero).</summary>
    public Tensor? V { get; set; }

    /// <summary>Gets or sets the number of steps taken so far.</summary>
    public int T { get; set; }

    /// <inheritdoc/>
    public Tensor Step(Tensor w, Tensor dw)
    {
        // BEGIN SOLUTION (hint: increment T first, then update M and V, correct their bias with T, and step)
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(dw);
        T++;
        M = (Beta1 * (M ?? Tensor.ZerosLike(w))) + ((1 - Beta1) * dw);
        V = (Beta2 * (V ?? Tensor.ZerosLike(w))) + ((1 - Beta2) * dw.Square());
        var mHat = M / (1 - Math.Pow(Beta1, T));
        var vHat = V / (1 - Math.Pow(Beta2, T));
        return w - (LearningRate * mHat / (vHat.Sqrt() + Epsilon));
        // END SOLUTION
    }
}
