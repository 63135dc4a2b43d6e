namespace Homework.A5;

/// <summary>What <see cref="TrainingLoop.Fit"/> measured.</summary>
/// <param name="TrainingLoss">The mean training loss of each epoch.</param>
/// <param name="DevAccuracy">The development accuracy after each epoch.</param>
/// <param name="BestEpoch">The epoch (from 0) whose weights the model kept.</param>
public sealed record TrainingHistory(IReadOnlyList<double> TrainingLoss, IReadOnlyList<double> DevAccuracy, int BestEpoch);
