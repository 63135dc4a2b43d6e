namespace Autograder.Tensors.Optim;

/// <summary>A set of parameters sharing optimizer settings (PyTorch's <c>param_groups</c> entry).</summary>
/// <param name="parameters">The tensors this group updates.</param>
/// <param name="learningRate">The group's learning rate (schedulers change it).</param>
/// <param name="weightDecay">The group's L2 penalty (decoupled for AdamW).</param>
public sealed class ParamGroup(IEnumerable<Tensor> parameters, double learningRate, double weightDecay = 0)
{
    /// <summary>Gets the parameters.</summary>
    public IReadOnlyList<Tensor> Parameters { get; } = [.. parameters];

    /// <summary>Gets or sets the learning rate.</summary>
    public double LearningRate { get; set; } = learningRate;

    /// <summary>Gets or sets the weight decay.</summary>
    public double WeightDecay { get; set; } = weightDecay;

    /// <summary>Gets the learning rate the group started with (schedulers scale from it).</summary>
    public double InitialLearningRate { get; } = learningRate;
}
