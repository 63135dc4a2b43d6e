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
        // BEGIN SOLUTION (hint: call the model's Loss, record the loss in LossHistory, and replace each parameter with UpdateRules[name].Step(w, dw))
        var (loss, gradients) = _model.Loss(xBatch, yBatch);
        _lossHistory.Add(loss);
        foreach (var name in _model.Parameters.Keys.ToList())
        {
            _model.Parameters[name] = UpdateRules[name].Step(_model.Parameters[name], gradients[name]);
        }
        // END SOLUTION
    }

    /// <summary>The fraction of examples whose highest score is the correct class.</summary>
    /// <param name="x">Inputs, (N, D).</param>
    /// <param name="y">Classes, (N).</param>
    /// <param name="samples">Measure on this many examples drawn at random (without replacement), or on all when null or ≥ N.</param>
    /// <param name="batchSize">Score this many examples at a time.</param>
    /// <returns>The accuracy, in [0, 1].</returns>
    public double CheckAccuracy(Tensor x, Tensor y, int? samples = null, int batchSize = 100)
    {
        // BEGIN SOLUTION (hint: subsample with Tensor.Randperm(Generator, N) when asked; predict with ArgMax(1) of the model's Scores, batch by batch)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = x.Shape[0];
        if (samples is { } count && count < n)
        {
            var chosen = Tensor.Randperm(_generator, n).Narrow(0, 0, count);
            (x, y, n) = (x.IndexSelect(0, chosen), y.IndexSelect(0, chosen), count);
        }

        var correct = 0L;
        for (var start = 0; start < n; start += batchSize)
        {
            var length = Math.Min(batchSize, n - start);
            var predicted = _model.Scores(x.Narrow(0, start, length)).ArgMax(1);
            correct += (long)predicted.Eq(y.Narrow(0, start, length)).Sum().Item();
        }

        return n == 0 ? 0 : (double)correct / n;
        // END SOLUTION
    }

    /// <summary>Trains for <see cref="SolverOptions.Epochs"/> epochs, then leaves the best parameters in the model.</summary>
    public void Train()
    {
        // BEGIN SOLUTION (hint: per epoch: a permutation, Step on each full minibatch, decay every rule's LearningRate, record both accuracies, keep the best parameters (cloned); restore them at the end)
        var n = _data.XTrain.Shape[0];
        var batch = Math.Min(Options.BatchSize, n);
        var stepsPerEpoch = Math.Max(n / batch, 1);
        for (var epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            var order = Tensor.Randperm(_generator, n);
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                var indices = order.Narrow(0, step * batch, batch);
                Step(_data.XTrain.IndexSelect(0, indices), _data.YTrain.IndexSelect(0, indices));
            }

            foreach (var rule in UpdateRules.Values)
            {
                rule.LearningRate *= Options.LearningRateDecay;
            }

            var trainAccuracy = CheckAccuracy(_data.XTrain, _data.YTrain, Options.TrainAccuracySamples);
            var validationAccuracy = CheckAccuracy(_data.XVal, _data.YVal);
            _trainAccuracyHistory.Add(trainAccuracy);
            _validationAccuracyHistory.Add(validationAccuracy);
            if (validationAccuracy > BestValidationAccuracy)
            {
                BestValidationAccuracy = validationAccuracy;
                BestParameters = _model.Parameters.ToDictionary(p => p.Key, p => p.Value.Clone());
            }

            Options.EpochEnded?.Invoke(epoch, Options.Epochs, trainAccuracy, validationAccuracy);
        }

        foreach (var (name, value) in BestParameters)
        {
            _model.Parameters[name] = value.Clone();
        }
        // END SOLUTION
    }
}
