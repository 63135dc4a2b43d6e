using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A3;

namespace Autograder.Grading.Tests.Reference;

/// <summary>
/// A3's framework decoders against independent oracles: the from-scratch LSTM captioning model (the same function with
/// PyTorch's gate order permuted), attention written region by region with plain loops, attention with zero energies
/// (uniform weights, the regions' mean), and learning a task that needs the right region.
/// </summary>
public sealed class A3FrameworkTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    private static void AssertClose(Tensor actual, Tensor expected, string what, double tolerance = 1e-10) =>
        Assert.That(actual.AllClose(expected, tolerance, tolerance), Is.True, $"{what}: max difference {(actual - expected).Abs().Max().Item():E2}");

    private static void SetWeights(Module model, int seed)
    {
        model.To(DType.Float64);
        var state = model.NamedParameters().Select((p, i) => (p.Name, Value: R(seed + i, [.. p.Parameter.Shape.ToArray()]) * 0.5));
        model.LoadStateDict(state.ToDictionary(p => p.Name, p => p.Value));
    }

    [Test]
    public void Lstm_decoder_is_the_from_scratch_lstm_captioner_with_the_gates_reordered()
    {
        const int V = 9, F = 6, W = 5, H = 4;
        var decoder = new LstmDecoder(V, F, W, H);
        SetWeights(decoder, 10);
        var p = decoder.StateDict();

        // PyTorch's rows are input, forget, candidate, output; the assignment's columns are forget, input, candidate, output.
        Tensor Reorder(Tensor rows) => Tensor.Cat([rows.Narrow(0, H, H), rows.Narrow(0, 0, H), rows.Narrow(0, 2 * H, 2 * H)], 0).T.Contiguous();
        var scratch = new CaptioningRnn(V, F, W, H, CellType.Lstm, new Generator(0));
        scratch.Parameters["W_proj"] = p["project.weight"].T.Contiguous();
        scratch.Parameters["b_proj"] = p["project.bias"];
        scratch.Parameters["W_embed"] = p["embed.weight"];
        scratch.Parameters["Wx"] = Reorder(p["cell.weight_ih"]);
        scratch.Parameters["Wh"] = Reorder(p["cell.weight_hh"]);
        scratch.Parameters["b"] = Reorder((p["cell.bias_ih"] + p["cell.bias_hh"]).Unsqueeze(1)).Reshape(-1);
        scratch.Parameters["W_vocab"] = p["output.weight"].T.Contiguous();
        scratch.Parameters["b_vocab"] = p["output.bias"];

        var features = R(1, 3, F);
        var captions = Tensor.FromArray(new long[] { 1, 4, 5, 2, 0, 1, 7, 3, 8, 2, 1, 6, 2, 0, 0 }, 3, 5);
        decoder.Eval();
        var scores = decoder.Forward(features, captions.Narrow(1, 0, 4));
        var loss = Functional.CrossEntropy(scores.Reshape(-1, V), captions.Narrow(1, 1, 4).Reshape(-1), ignoreIndex: 0, reduction: Reduction.Sum) / 3;
        var (expectedLoss, gradients) = scratch.Loss(features, captions);
        Assert.That(loss.Item(), Is.EqualTo(expectedLoss).Within(1e-10));

        loss.Backward();
        AssertClose(decoder.NamedParameters().Single(n => n.Name == "output.weight").Parameter.Grad!.T, gradients["W_vocab"], "dW_vocab");
        AssertClose(decoder.NamedParameters().Single(n => n.Name == "embed.weight").Parameter.Grad!, gradients["W_embed"], "dW_embed");
        AssertClose(decoder.Sample(features * 3, 7), scratch.Sample(features * 3, 7), "greedy captions");
    }

    [Test]
    public void Attention_equals_the_definition_written_region_by_region()
    {
        const int N = 2, L = 5, F = 4, H = 3, A = 6;
        var attention = new AdditiveAttention(F, H, A);
        SetWeights(attention, 20);
        var p = attention.StateDict();
        var (regions, hidden) = (R(1, N, L, F), R(2, N, H));
        var (context, weights) = attention.Forward(regions, attention.Keys(regions), hidden);

        for (var n = 0; n < N; n++)
        {
            var energies = new double[L];
            for (var l = 0; l < L; l++)
            {
                var inner = p["regions.weight"].MatMul(regions[n][l]) + p["regions.bias"] + p["hidden.weight"].MatMul(hidden[n]) + p["hidden.bias"];
                energies[l] = (p["score.weight"][0] * inner.Tanh()).Sum().Item() + p["score.bias"][0].Item();
            }

            var exp = energies.Select(e => Math.Exp(e - energies.Max())).ToArray();
            var alpha = exp.Select(e => e / exp.Sum()).ToArray();
            AssertClose(weights[n].Detach(), Tensor.FromArray(alpha, L), $"weights of example {n}");
            var expected = Enumerable.Range(0, L).Select(l => regions[n][l] * alpha[l]).Aggregate((a, b) => a + b);
            AssertClose(context[n].Detach(), expected, $"context of example {n}");
        }

        Assert.That(weights.Sum(1).AllClose(Tensor.Ones([N], DType.Float64), 1e-12), Is.True);
    }

    /// <summary>With the scoring layer's weight zero every region scores the same: the weights are 1/L and the context is the regions' mean.</summary>
    [Test]
    public void Attention_decoder_with_flat_energies_reads_the_regions_mean()
    {
        const int V = 7, F = 3, W = 2, H = 4, A = 5, L = 6;
        var decoder = new AttentionDecoder(V, F, W, H, A);
        SetWeights(decoder, 30);
        using (Tensor.NoGrad())
        {
            decoder.NamedParameters().Single(p => p.Name == "attention.score.weight").Parameter.Zero_();
        }

        var regions = R(2, 3, L, F);
        decoder.Eval();
        var step = decoder.Step(Tensor.FromArray(new long[] { 1, 4, 6 }, 3), decoder.Start(regions), regions, decoder.Keys(regions));
        AssertClose(step.Weights, Tensor.Full([3, L], 1.0 / L, DType.Float64), "uniform weights");

        // The same step as an LSTM cell fed [word vector, mean region]: the decoder's own cell and output layer, by hand.
        var p = decoder.StateDict();
        var h0 = regions.Mean(1).MatMul(p["project.weight"].T) + p["project.bias"];
        var input = Tensor.Cat([p["embed.weight"].IndexSelect(0, Tensor.FromArray(new long[] { 1, 4, 6 }, 3)), regions.Mean(1)], 1);
        var gates = (input.MatMul(p["cell.weight_ih"].T) + p["cell.bias_ih"] + h0.MatMul(p["cell.weight_hh"].T) + p["cell.bias_hh"]).Chunk(4, 1);
        var c = gates[0].Sigmoid() * gates[2].Tanh();
        var h = gates[3].Sigmoid() * c.Tanh();
        AssertClose(step.H.Detach(), h, "h");
        AssertClose(step.Scores.Detach(), h.MatMul(p["output.weight"].T) + p["output.bias"], "scores");
    }

    /// <summary>
    /// A task only attention solves: each image has four regions holding one-hot "objects"; the caption names the object
    /// in the region marked by a flag, then the end word. The regions' mean carries no order, so the decoder must attend.
    /// </summary>
    [Test]
    public void Attention_decoder_learns_to_read_the_flagged_region()
    {
        Init.ManualSeed(3);
        const int N = 64, L = 4, Objects = 6;
        var generator = new Generator(4);
        var objects = Tensor.Randint(generator, 0, Objects, [N, L]);
        var flagged = Tensor.Randint(generator, 0, L, [N]);
        var regions = Tensor.Cat([objects.OneHot(Objects).To(DType.Float32), flagged.OneHot(L).Unsqueeze(2).To(DType.Float32)], 2);
        var word = objects.Gather(1, flagged.Unsqueeze(1)).Squeeze(1) + 3;
        var captions = Tensor.Stack([Tensor.Full([N], 1, DType.Int64), word, Tensor.Full([N], 2, DType.Int64)], 1);

        var decoder = new AttentionDecoder(Objects + 3, Objects + 1, 4, 16, 16, dropout: 0);
        var optimizer = new Adam(decoder.Parameters(), lr: 0.02);
        for (var step = 0; step < 300; step++)
        {
            optimizer.ZeroGrad();
            var (scores, _) = decoder.Forward(regions, captions.Narrow(1, 0, 2));
            Functional.CrossEntropy(scores.Reshape(-1, Objects + 3), captions.Narrow(1, 1, 2).Reshape(-1)).Backward();
            optimizer.Step();
        }

        var (words, weights) = decoder.Sample(regions, 2);
        var correct = words.Select(1, 0).Eq(word).To(DType.Float64).Mean().Item();
        Assert.That(correct, Is.GreaterThan(0.95), "first words naming the flagged region's object");
        var onFlag = weights.Select(1, 0).Gather(1, flagged.Unsqueeze(1)).Mean().Item();
        Assert.That(onFlag, Is.GreaterThan(0.6), "attention weight on the flagged region at the first step");
    }
}
