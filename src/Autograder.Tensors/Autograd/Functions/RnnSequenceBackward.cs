using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>
/// Backpropagation through time for a whole Elman RNN layer (<see cref="Kernels.Recurrent.RnnSequence"/>): the gradients of
/// the projected inputs, W_hh, the bias and h0 from that of the (T + 1, N, H) result (outputs, final h).
/// </summary>
internal sealed class RnnSequenceBackward : Node
{
    private readonly int[] _running;
    private readonly bool _relu;

    public RnnSequenceBackward(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, Tensor hidden, int[] running, bool relu)
        : base(projected, weightHh, bias, h0)
    {
        (_running, _relu) = (running, relu);
        Save(weightHh, hidden);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var (projected, weight, bias, h0) = RecurrentOps.RnnSequenceBackward(gradOutput, Saved(0), Saved(1), _running, _relu);
        return [NeedsGrad(0) ? projected : null, NeedsGrad(1) ? weight : null, NeedsGrad(2) ? bias : null, NeedsGrad(3) ? h0 : null];
    }
}
