namespace Autograder.Tensors.NN;

/// <summary>Batch normalisation over (N, H, W) per channel, with running statistics for evaluation, as <c>torch.nn.BatchNorm2d</c>.</summary>
/// <remarks>Training normalises with the batch mean and biased variance and updates running = (1 − m)·running + m·batch (unbiased variance).</remarks>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
    private readonly Holder _weight;
    private readonly Holder _bias;
    private readonly Holder _runningMean;
    private readonly Holder _runningVar;
    private readonly Holder _batchesTracked;

    /// <summary>Initializes a new instance of the <see cref="BatchNorm2d"/> class.</summary>
    public BatchNorm2d(int numFeatures, double eps = 1e-5, double momentum = 0.1, DType dtype = DType.Float32)
    {
        (NumFeatures, Eps, Momentum) = (numFeatures, eps, momentum);
        _weight = RegisterParameter("weight", Tensor.Ones([numFeatures], dtype));
        _bias = RegisterParameter("bias", Tensor.Zeros([numFeatures], dtype));
        _runningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures], dtype));
        _runningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures], dtype));
        _batchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Scalar(0, DType.Int64));
    }

    /// <summary>Gets the number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Gets the value added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>Gets the running-average momentum.</summary>
    public double Momentum { get; }

    /// <summary>Gets the running mean.</summary>
    public Tensor RunningMean => _runningMean.Value;

    /// <summary>Gets the running variance.</summary>
    public Tensor RunningVar => _runningVar.Value;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim != 4 || input.Shape[1] != NumFeatures)
        {
            ThrowHelper.Shape("BatchNorm2d", $"expected input (N, {NumFeatures}, H, W); got {ThrowHelper.Dims(input.Shape)}.");
        }

        var (output, mean, variance) = Functional.BatchNormWithStatistics(input, RunningMean, RunningVar, _weight.Value, _bias.Value, Training, Eps);
        if (Training)
        {
            using (Tensor.NoGrad())
            {
                var count = input.NumEl / NumFeatures;
                _runningMean.Value = (RunningMean * (1 - Momentum)) + (mean * Momentum);
                _runningVar.Value = (RunningVar * (1 - Momentum)) + (variance * (Momentum * count / Math.Max(count - 1.0, 1.0)));
                _batchesTracked.Value = _batchesTracked.Value + 1L;
            }
        }

        return output;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{NumFeatures}, eps={Eps}, momentum={Momentum}";
}
