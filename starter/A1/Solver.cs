// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
using Autograder.Tensors;

namespace Homework.A1;

/// <summary>Trains an <see cref="IModel"/> with minibatch gradient descent, records its history and keeps its best parameters.</summary>
/// <remarks>
/// Each epoch visits the training set once in an order drawn from <c>Tensor.Randperm</c>, in minibatches of
/// <see cref="SolverOptions.BatchSize"/> (max(N / BatchSize, 1) steps, a final partial batch is dropped); then decays the
/// learning rate of every update rule, measures training and validation accuracy, and keeps a copy of the parameters
/// if the validation accuracy is the best so far. When training ends the model holds the best parameters.
/// </remarks>
public sealed class Solver
{
    private readonly IModel _model;
    private readonly TrainingData _data;
    private readonly Generator _generator;
    private readonly List<double> _lossHistory = [];
    private readonly List<double> _trainAccuracyHistory = [];
    private readonly List<double> _validationAccuracyHistory = [];

    /// <summary>Creates a solver with one update rule per parameter of <paramref name="model"/>.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="data">The training and validation data.</param>
    /// <param name="options">How to train.</param>
    public Solver(IModel model, TrainingData data, SolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _data = data;
        Options = options;
        _generator = new Generator(options.Seed);
        UpdateRules = model.Parameters.Keys.ToDictionary(name => name, _ => options.UpdateRule());
        BestParameters = model.Parameters.ToDictionary(p => p.Key, p => p.Value.Clone());
    }

    /// <summary>Gets the options.</summary>
    public SolverOptions Options { get; }

    /// <summary>Gets the update rule of each parameter.</summary>
    public IReadOnlyDictionary<string, IUpdateRule> UpdateRules { get; }

    /// <summary>Gets the loss of every step taken.</summary>
    public IList<double> LossHistory => _lossHistory;

    /// <summary>Gets the training accuracy after each epoch.</summary>
    public IList<double> TrainAccuracyHistory => _trainAccuracyHistory;

    /// <summary>Gets the validation accuracy after each epoch.</summary>
    public IList<double> ValidationAccuracyHistory => _validationAccuracyHistory;

    /// <summary>Gets or sets the best validation accuracy seen (starts at 0).</summary>
    public double BestValidationAccuracy { get; set; }

    /// <summary>Gets or sets copies of the parameters with the best validation accuracy (at first, the initial ones).</summary>
    public IDictionary<string, Tensor> BestParameters { get; set; }

    /// <summary>Gets the generator for shuffling and accuracy subsamples.</summary>
    public Generator Generator => _generator;

    /// <summary>One step: the loss and gradients of a minibatch, then every parameter updated by its own rule.</summary>
    /// <param name="xBatch">Minibatch inputs, (B, D).</param>
    /// <param name="yBatch">Minibatch classes, (B).</param>
    public void Step(Tensor xBatch, Tensor yBatch)
    {
        throw new NotImplementedException("TODO: call the model's Loss, record the loss in LossHistory, and replace each parameter with UpdateRules[name].Step(w, dw)");
    }

    /// <summary>The fraction of examples whose highest score is the correct class.</summary>
    /// <param name="x">Inputs, (N, D).</param>
    /// <param name="y">Classes, (N).</param>
    /// <param name="samples">Measure on this many examples drawn at random (without replacement), or on all when null or ≥ N.</param>
    /// <param name="batchSize">Score this many examples at a time.</param>
    /// <returns>The accuracy, in [0, 1].</returns>
    public double CheckAccuracy(Tensor x, Tensor y, int? samples = null, int batchSize = 100)
    {
        throw new NotImplementedException("TODO: subsample with Tensor.Randperm(Generator, N) when asked; predict with ArgMax(1) of the model's Scores, batch by batch");
    }

    /// <summary>Trains for <see cref="SolverOptions.Epochs"/> epochs, then leaves the best parameters in the model.</summary>
    public void Train()
    {
        throw new NotImplementedException("TODO: per epoch: a permutation, Step on each full minibatch, decay every rule's LearningRate, record both accuracies, keep the best parameters (cloned); restore them at the end");
    }
}
