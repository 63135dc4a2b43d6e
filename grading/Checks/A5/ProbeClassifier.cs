using Autograder.Tensors;
using Homework.A5;

namespace Autograder.Host.Checks.A5;

/// <summary>
/// The training checks' own model, so that they grade the loop and not the student's models: one weight per word, averaged
/// over the real words, plus a bias, through a sigmoid (float32, as the experiments run). It records the mode of every call.
/// </summary>
/// <remarks>Implements a homework type, so it loads in the worker only (the host's check registry skips it).</remarks>
internal sealed class ProbeClassifier : SentenceClassifier
{
    private readonly Tensor _weight;
    private readonly Tensor _bias;

    public ProbeClassifier(Tensor weight, double bias)
    {
        _weight = weight.To(DType.Float32).Clone();
        _weight.RequiresGrad = true;
        _bias = Tensor.Full([1], bias, DType.Float32);
        _bias.RequiresGrad = true;
    }

    /// <summary>Gets whether each call ran in training mode, in order.</summary>
    public List<bool> Modes { get; } = [];

    /// <summary>Gets the number of sentences each call saw, in order.</summary>
    public List<int> Sentences { get; } = [];

    /// <summary>Gets the weights and the bias, (V + 1) float64.</summary>
    public Tensor State => Tensor.Cat([_weight.Detach(), _bias.Detach()]).To(DType.Float64);

    public override Tensor Forward(Tensor tokens, Tensor lengths)
    {
        Modes.Add(Training);
        Sentences.Add(tokens.Shape[0]);
        var (n, t) = (tokens.Shape[0], tokens.Shape[1]);
        var mask = Tensor.Arange(t).Unsqueeze(0).Lt(lengths.Unsqueeze(1)).To(DType.Float32);
        var words = _weight.IndexSelect(0, tokens.Reshape(-1)).Reshape(n, t);
        return (((words * mask).Sum(1) / lengths.To(DType.Float32)) + _bias).Sigmoid();
    }
}
