using Autograder.Tensors.Ops;

namespace Autograder.Tensors.Autograd.Functions;

/// <summary>
/// Backpropagation through time for a whole LSTM layer (<see cref="Kernels.Recurrent.LstmSequence"/>): the gradients of the
/// projected inputs, W_hh, the bias, h0 and c0 from that of the (T + 2, N, H) result (outputs, final h, final c).
/// </summary>
internal sealed class LstmSequenceBackward : Node
{
    private readonly int[] _running;

    public LstmSequenceBackward(Tensor projected, Tensor weightHh, Tensor? bias, Tensor h0, Tensor c0, RecurrentOps.LstmSequenceState saved, int[] running)
        : base(projected, weightHh, bias, h0, c0)
    {
        _running = running;
        Save(weightHh, saved.Gates, saved.Hidden, saved.Cell, saved.TanhCell);
    }

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var saved = new RecurrentOps.LstmSequenceState(Saved(1), Saved(2), Saved(3), Saved(4));
        var (projected, weight, bias, h0, c0) = RecurrentOps.LstmSequenceBackward(gradOutput, Saved(0), saved, _running);
        return [NeedsGrad(0) ? projected : null, NeedsGrad(1) ? weight : null, NeedsGrad(2) ? bias : null, NeedsGrad(3) ? h0 : null, NeedsGrad(4) ? c0 : null];
    }
}
