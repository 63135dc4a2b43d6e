// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>The data a <see cref="Solver"/> trains on: training and validation inputs (N, …) with their classes (N) int64.</summary>
/// <param name="XTrain">Training inputs.</param>
/// <param name="YTrain">Training classes.</param>
/// <param name="XVal">Validation inputs.</param>
/// <param name="YVal">Validation classes.</param>
public sealed record TrainingData(Tensor XTrain, Tensor YTrain, Tensor XVal, Tensor YVal);
