namespace Homework.A1;

/// <summary>How a <see cref="Solver"/> trains.</summary>
public sealed record SolverOptions
{
    /// <summary>Gets the factory of update rules: the solver makes one per parameter, so each keeps its own state.</summary>
    public Func<IUpdateRule> UpdateRule { get; init; } = () => new Sgd(1e-2);

    /// <summary>Gets the factor the learning rate is multiplied by after each epoch.</summary>
    public double LearningRateDecay { get; init; } = 1.0;

    /// <summary>Gets the minibatch size.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Gets the number of passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Gets how many training examples (drawn at random) the training accuracy is measured on after each epoch; null for all.</summary>
    public int? TrainAccuracySamples { get; init; } = 1000;

    /// <summary>Gets the seed of the solver's random choices (shuffling, accuracy subsamples).</summary>
    public long Seed { get; init; }

    /// <summary>Gets a callback told after each epoch: (epoch, epochs, train accuracy, validation accuracy).</summary>
    public Action<int, int, double, double>? EpochEnded { get; init; }
}
