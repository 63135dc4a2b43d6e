namespace Autograder.Tensors.Optim;

/// <summary>Changes the learning rates of an optimizer's groups by epoch: call <see cref="Step"/> once per epoch, after the optimizer's steps.</summary>
/// <param name="optimizer">The optimizer whose groups it drives.</param>
public abstract class LRScheduler(Optimizer optimizer)
{
    /// <summary>Gets the optimizer.</summary>
    public Optimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    /// <summary>Gets the number of completed epochs.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Advances one epoch and sets every group's learning rate.</summary>
    public void Step()
    {
        LastEpoch++;
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = LearningRate(group.InitialLearningRate, LastEpoch);
        }
    }

    /// <summary>The learning rate after <paramref name="epoch"/> epochs, for a group that started at <paramref name="initial"/>.</summary>
    protected abstract double LearningRate(double initial, int epoch);
}
