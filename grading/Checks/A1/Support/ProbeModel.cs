using Autograder.Tensors;
using Homework.A1;

namespace Autograder.Host.Checks.A1.Support;

/// <summary>A softmax regression written by the grader, so the Solver's checks do not depend on the student's layers or models.</summary>
internal sealed class ProbeModel : IModel
{
    public ProbeModel(Tensor w, Tensor b)
    {
        Parameters["W"] = w;
        Parameters["b"] = b;
    }

    public IDictionary<string, Tensor> Parameters { get; } = new Dictionary<string, Tensor>();

    /// <summary>Gets the inputs of every <see cref="Loss"/> call, in order (copies: the minibatches the solver trained on).</summary>
    public List<Tensor> Batches { get; } = [];

    public Tensor Scores(Tensor x) => x.MatMul(Parameters["W"]) + Parameters["b"];

    public (double Loss, IReadOnlyDictionary<string, Tensor> Gradients) Loss(Tensor x, Tensor y)
    {
        Batches.Add(x.Clone());
        var n = x.Shape[0];
        var logProbabilities = Scores(x).LogSoftmax(1);
        var loss = -logProbabilities.Gather(1, y.Unsqueeze(1)).Sum().Item() / n;
        var dscores = (logProbabilities.Exp() - y.OneHot(logProbabilities.Shape[1]).To(DType.Float64)) / n;
        return (loss, new Dictionary<string, Tensor> { ["W"] = x.T.MatMul(dscores), ["b"] = dscores.Sum(0) });
    }
}
