using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// The from-scratch pieces of A3 on per-student sizes (hidden): one RNN step and one LSTM step (forward, and backward on the
/// reference's cache), word embedding and the temporal affine layer, and the masked temporal softmax loss. An equal share
/// each; a part that is still a stub counts as
/// missing, and one that throws as failed, while the others are graded.
/// </summary>
internal sealed class StepsHiddenCheck() : A3Check("a3.steps_hidden", "RNN and LSTM steps, temporal layers and loss on unseen sizes", 3, Visibility.Hidden,
    "Homework.A3.RnnStep.Forward", "Homework.A3.RnnStep.Backward", "Homework.A3.LstmStep.Forward", "Homework.A3.LstmStep.Backward",
    "Homework.A3.TemporalLayers.WordEmbeddingForward", "Homework.A3.TemporalLayers.WordEmbeddingBackward",
    "Homework.A3.TemporalLayers.TemporalAffineForward", "Homework.A3.TemporalLayers.TemporalAffineBackward", "Homework.A3.TemporalLayers.TemporalSoftmaxLoss")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly (string Prefix, string What, string Member)[] Parts =
    [
        ("rnn_", "RnnStep", "RnnStep.Forward"), ("lstm_", "LstmStep", "LstmStep.Forward"),
        ("temporal_", "TemporalLayers", "WordEmbeddingForward"), ("loss_", "TemporalSoftmaxLoss", "TemporalSoftmaxLoss"),
    ];

    public override Observation Probe(ProbeContext context)
    {
        int Draw(int low, int high) => (int)context.Generator.NextInt64(low, high);
        var (n, d, h, t, v) = (Draw(2, 7), Draw(2, 8), Draw(2, 8), Draw(2, 7), Draw(3, 10));
        return CheckParts.Probe(
            isolateFailures: true,
            ("rnn_", () =>
            {
                var c = CheckParts.Own(context, 0);
                var (x, prev, wx, wh, b) = (c.Randn(n, d), c.Randn(n, h), c.Randn(d, h) * 0.4, c.Randn(h, h) * 0.4, c.Randn(h));
                var observation = new Observation { ["next_h"] = RnnStep.Forward(x, prev, wx, wh, b).NextH };
                var cache = new RnnStepCache(x, prev, wx, wh, (x.MatMul(wx) + prev.MatMul(wh) + b).Tanh());
                var (dx, dprevH, dwx, dwh, db) = RnnStep.Backward(c.Randn(n, h), cache);
                (observation["dx"], observation["dprev_h"], observation["dWx"], observation["dWh"], observation["db"]) = (dx, dprevH, dwx, dwh, db);
                return observation;
            }),
            ("lstm_", () =>
            {
                var c = CheckParts.Own(context, 1);
                var (x, prevH, prevC) = (c.Randn(n, d), c.Randn(n, h), c.Randn(n, h));
                var (wx, wh, b) = (c.Randn(d, 4 * h) * 0.5, c.Randn(h, 4 * h) * 0.5, c.Randn(4 * h) * 0.5);
                var (nextH, nextC, _) = LstmStep.Forward(x, prevH, prevC, wx, wh, b);
                var observation = new Observation { ["next_h"] = nextH, ["next_c"] = nextC };
                var (dx, dprevH, dprevC, dwx, dwh, db) = LstmStep.Backward(c.Randn(n, h), c.Randn(n, h), LstmStepCheck.ReferenceCache(x, prevH, prevC, wx, wh, b));
                (observation["dx"], observation["dprev_h"], observation["dprev_c"], observation["dWx"], observation["dWh"], observation["db"]) = (dx, dprevH, dprevC, dwx, dwh, db);
                return observation;
            }),
            ("temporal_", () =>
            {
                var c = CheckParts.Own(context, 2);
                var (embedded, embedCache) = TemporalLayers.WordEmbeddingForward(c.Randint(0, v, n, t), c.Randn(v, d));
                var (affine, affineCache) = TemporalLayers.TemporalAffineForward(c.Randn(n, t, d), c.Randn(d, h), c.Randn(h));
                var (dx, dw, db) = TemporalLayers.TemporalAffineBackward(c.Randn(n, t, h), affineCache);
                return new Observation
                {
                    ["embedding"] = embedded, ["dW_embed"] = TemporalLayers.WordEmbeddingBackward(c.Randn(n, t, d), embedCache),
                    ["affine"] = affine, ["dx"] = dx, ["dw"] = dw, ["db"] = db,
                };
            }),
            ("loss_", () =>
            {
                var c = CheckParts.Own(context, 3);
                var mask = c.Randint(0, 2, n, t).Gt(0L);
                var (loss, dx) = TemporalLayers.TemporalSoftmaxLoss(c.Randn(n, t, v) * 3.0, c.Randint(0, v, n, t), mask);
                var observation = new Observation { ["dx"] = dx };
                observation.Set("loss", loss);
                return observation;
            }));
    }

    public override Verdict Judge(Observation student, Observation expected) => CheckParts.ScoreEqually(student, expected, Parts, CheckParts.ValuesAndGradients);
}
