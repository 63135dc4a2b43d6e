using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A3;

namespace Autograder.Grading.Tests.Reference;

/// <summary>
/// The A3 reference against independent oracles: autograd of its own forward passes for every backward pass, the nn
/// library's RNNCell and LSTMCell (PyTorch's gate order, permuted) for the forward passes, and hand-computed losses.
/// </summary>
public sealed class A3RecurrentTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    private static void AssertClose(Tensor actual, Tensor expected, string what) =>
        Assert.That(actual.AllClose(expected, 1e-10), Is.True, $"{what}: max difference {(actual - expected).Abs().Max().Item():E2}");

    [Test]
    public void Rnn_step_equals_the_library_cell_and_its_backward_equals_autograd()
    {
        var (x, h, wx, wh, b) = (R(1, 3, 4).RequireGrad(), R(2, 3, 5).RequireGrad(), R(3, 4, 5).RequireGrad(), R(4, 5, 5).RequireGrad(), R(5, 5).RequireGrad());
        var (next, cache) = RnnStep.Forward(x, h, wx, wh, b);

        var cell = new RNNCell(4, 5, bias: false, dtype: DType.Float64);
        cell.WeightIh.Detach().CopyFrom(wx.Detach().T);
        cell.WeightHh.Detach().CopyFrom(wh.Detach().T);
        var (unbiased, _) = RnnStep.Forward(x.Detach(), h.Detach(), wx.Detach(), wh.Detach(), Tensor.Zeros([5], DType.Float64));
        AssertClose(unbiased, cell.Forward(x.Detach(), h.Detach()), "h without bias");

        var dnext = R(6, 3, 5);
        next.Backward(dnext);
        var (dx, dh, dwx, dwh, db) = RnnStep.Backward(dnext, cache);
        AssertClose(dx, x.Grad!, "dx");
        AssertClose(dh, h.Grad!, "dprev_h");
        AssertClose(dwx, wx.Grad!, "dWx");
        AssertClose(dwh, wh.Grad!, "dWh");
        AssertClose(db, b.Grad!, "db");
    }

    [Test]
    public void Rnn_sequence_backward_equals_autograd_through_time()
    {
        var (x, h0, wx, wh, b) = (R(1, 2, 6, 3).RequireGrad(), R(2, 2, 4).RequireGrad(), R(3, 3, 4).RequireGrad(), R(4, 4, 4).RequireGrad(), R(5, 4).RequireGrad());
        var (h, cache) = Rnn.Forward(x, h0, wx, wh, b);
        Assert.That(h.Shape.ToArray(), Is.EqualTo(new[] { 2, 6, 4 }));
        var dh = R(6, 2, 6, 4);
        h.Backward(dh);
        var (dx, dh0, dwx, dwh, db) = Rnn.Backward(dh, cache);
        AssertClose(dx, x.Grad!, "dx");
        AssertClose(dh0, h0.Grad!, "dh0");
        AssertClose(dwx, wx.Grad!, "dWx");
        AssertClose(dwh, wh.Grad!, "dWh");
        AssertClose(db, b.Grad!, "db");
    }

    [Test]
    public void Lstm_step_equals_the_library_cell_with_the_gates_reordered()
    {
        var (x, h, c) = (R(1, 3, 4), R(2, 3, 5), R(3, 3, 5));
        var cell = new LSTMCell(4, 5, bias: false, generator: new Generator(9), dtype: DType.Float64);

        // PyTorch's rows are input, forget, candidate, output; the assignment's columns are forget, input, candidate, output.
        Tensor Reorder(Tensor rows) => Tensor.Cat([rows.Narrow(0, 5, 5), rows.Narrow(0, 0, 5), rows.Narrow(0, 10, 5), rows.Narrow(0, 15, 5)], 0).T.Contiguous();
        var (wx, wh) = (Reorder(cell.WeightIh.Detach()), Reorder(cell.WeightHh.Detach()));
        var (nextH, nextC, _) = LstmStep.Forward(x, h, c, wx, wh, Tensor.Zeros([20], DType.Float64));
        var (expectedH, expectedC) = cell.Forward(x, (h, c));
        AssertClose(nextH, expectedH.Detach(), "h");
        AssertClose(nextC, expectedC.Detach(), "c");
    }

    [Test]
    public void Lstm_step_backward_equals_autograd()
    {
        var (x, h, c) = (R(1, 3, 4).RequireGrad(), R(2, 3, 5).RequireGrad(), R(3, 3, 5).RequireGrad());
        var (wx, wh, b) = (R(4, 4, 20).RequireGrad(), R(5, 5, 20).RequireGrad(), R(6, 20).RequireGrad());
        var (nextH, nextC, cache) = LstmStep.Forward(x, h, c, wx, wh, b);
        var (dnextH, dnextC) = (R(7, 3, 5), R(8, 3, 5));
        ((nextH * dnextH).Sum() + (nextC * dnextC).Sum()).Backward();
        var (dx, dh, dc, dwx, dwh, db) = LstmStep.Backward(dnextH, dnextC, cache);
        AssertClose(dx, x.Grad!, "dx");
        AssertClose(dh, h.Grad!, "dprev_h");
        AssertClose(dc, c.Grad!, "dprev_c");
        AssertClose(dwx, wx.Grad!, "dWx");
        AssertClose(dwh, wh.Grad!, "dWh");
        AssertClose(db, b.Grad!, "db");
    }

    [Test]
    public void Lstm_sequence_backward_equals_autograd_through_time()
    {
        var (x, h0) = (R(1, 2, 5, 3).RequireGrad(), R(2, 2, 4).RequireGrad());
        var (wx, wh, b) = (R(3, 3, 16).RequireGrad(), R(4, 4, 16).RequireGrad(), R(5, 16).RequireGrad());
        var (h, cache) = Lstm.Forward(x, h0, wx, wh, b);
        var dh = R(6, 2, 5, 4);
        h.Backward(dh);
        var (dx, dh0, dwx, dwh, db) = Lstm.Backward(dh, cache);
        AssertClose(dx, x.Grad!, "dx");
        AssertClose(dh0, h0.Grad!, "dh0");
        AssertClose(dwx, wx.Grad!, "dWx");
        AssertClose(dwh, wh.Grad!, "dWh");
        AssertClose(db, b.Grad!, "db");
    }

    [Test]
    public void Word_embedding_backward_sums_the_gradients_of_repeated_words()
    {
        var w = R(1, 6, 3).RequireGrad();
        var x = Tensor.FromArray(new long[] { 0, 2, 2, 5, 2, 1 }, 2, 3);
        var (output, cache) = TemporalLayers.WordEmbeddingForward(x, w);
        AssertClose(output.Detach().Select(0, 1).Select(0, 1), w.Detach().Select(0, 2), "row 2 for word 2");
        var dout = R(2, 2, 3, 3);
        output.Backward(dout);
        AssertClose(TemporalLayers.WordEmbeddingBackward(dout, cache), w.Grad!, "dW");
    }

    [Test]
    public void Temporal_affine_backward_equals_autograd()
    {
        var (x, w, b) = (R(1, 2, 4, 3).RequireGrad(), R(2, 3, 5).RequireGrad(), R(3, 5).RequireGrad());
        var (output, cache) = TemporalLayers.TemporalAffineForward(x, w, b);
        var dout = R(4, 2, 4, 5);
        output.Backward(dout);
        var (dx, dw, db) = TemporalLayers.TemporalAffineBackward(dout, cache);
        AssertClose(dx, x.Grad!, "dx");
        AssertClose(dw, w.Grad!, "dW");
        AssertClose(db, b.Grad!, "db");
    }

    [Test]
    public void Temporal_softmax_loss_sums_over_unmasked_steps_and_averages_over_the_batch()
    {
        // Uniform scores: each counted step costs log V; 5 of the 8 steps count; N = 2.
        var y = Tensor.FromArray(new long[] { 1, 2, 3, 0, 4, 0, 0, 0 }, 2, 4);
        var mask = Tensor.FromArray(new[] { true, true, true, false, true, true, false, false }, 2, 4);
        var (loss, dx) = TemporalLayers.TemporalSoftmaxLoss(Tensor.Zeros([2, 4, 7], DType.Float64), y, mask);
        Assert.That(loss, Is.EqualTo(5 * Math.Log(7) / 2).Within(1e-12));
        Assert.That(dx.Select(0, 0).Select(0, 3).Abs().Sum().Item(), Is.Zero, "a masked step gets no gradient");

        var scores = R(1, 2, 4, 7).RequireGrad();
        var (_, dscores) = TemporalLayers.TemporalSoftmaxLoss(scores, y, mask);
        var flat = scores.Reshape(-1, 7);
        var weights = mask.Reshape(-1).To(DType.Float64);
        var perStep = Functional.CrossEntropy(flat, y.Reshape(-1), reduction: Reduction.None);
        ((perStep * weights).Sum() / 2.0).Backward();
        AssertClose(dscores, scores.Grad!, "dx against cross-entropy per step");
    }

    [TestCase(CellType.Rnn)]
    [TestCase(CellType.Lstm)]
    public void Captioning_loss_gradients_match_central_differences(CellType cell)
    {
        var model = new CaptioningRnn(vocabularySize: 7, inputDim: 5, wordVectorDim: 4, hiddenDim: 3, cell, new Generator(11));
        foreach (var name in model.Parameters.Keys.ToList())
        {
            model.Parameters[name] = R(name.Length + 20, [.. model.Parameters[name].Shape.ToArray()]) * 0.5;
        }

        var features = R(30, 2, 5);
        var captions = Tensor.FromArray(new long[] { 1, 4, 5, 2, 0, 1, 6, 3, 4, 2 }, 2, 5);
        var (_, gradients) = model.Loss(features, captions);
        foreach (var (name, parameter) in model.Parameters)
        {
            var values = parameter.ToArray<double>();
            var numeric = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                double At(double delta)
                {
                    var shifted = (double[])values.Clone();
                    shifted[i] += delta;
                    model.Parameters[name] = Tensor.FromArray(shifted, [.. parameter.Shape.ToArray()]);
                    return model.Loss(features, captions).Loss;
                }

                numeric[i] = (At(1e-6) - At(-1e-6)) / 2e-6;
            }

            model.Parameters[name] = parameter;
            var expected = Tensor.FromArray(numeric, [.. parameter.Shape.ToArray()]);
            Assert.That(gradients[name].AllClose(expected, 1e-6, 1e-7), Is.True, $"{name}: max difference {(gradients[name] - expected).Abs().Max().Item():E2}");
        }
    }

    [Test]
    public void Sampling_feeds_back_the_arg_max_and_starts_from_the_start_word()
    {
        var model = new CaptioningRnn(vocabularySize: 6, inputDim: 3, wordVectorDim: 2, hiddenDim: 4, CellType.Lstm, new Generator(3));
        var features = R(4, 2, 3);
        var sampled = model.Sample(features, maxLength: 5);
        Assert.That(sampled.Shape.ToArray(), Is.EqualTo(new[] { 2, 5 }));

        // Teacher-forcing the sampled words reproduces them as each step's arg-max.
        var captions = Tensor.Cat([Tensor.Full([2, 1], 1, DType.Int64), sampled], 1);
        var p = model.Parameters;
        var (words, _) = TemporalLayers.WordEmbeddingForward(captions.Narrow(1, 0, 5), p["W_embed"]);
        var (hidden, _) = Lstm.Forward(words, features.MatMul(p["W_proj"]) + p["b_proj"], p["Wx"], p["Wh"], p["b"]);
        var (scores, _) = TemporalLayers.TemporalAffineForward(hidden, p["W_vocab"], p["b_vocab"]);
        Assert.That(scores.ArgMax(2).ToArray<long>(), Is.EqualTo(sampled.ToArray<long>()));
    }
}
