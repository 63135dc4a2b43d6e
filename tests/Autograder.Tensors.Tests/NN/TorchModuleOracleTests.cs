using Autograder.Tensors.IO;
using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>Layers and losses against PyTorch: same weights and inputs give the same outputs and gradients (NN/Fixtures/nn_oracle.npz).</summary>
public sealed class TorchModuleOracleTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Oracle =
        Npz.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "NN", "Fixtures", "nn_oracle.npz"));

    private static IEnumerable<TestCaseData> Cases()
    {
        const DType D = DType.Float64;
        TestCaseData Case(string name, Func<Module> create, Func<Module, Tensor[], Tensor> forward, int inputs = 1) =>
            new TestCaseData(name, create, forward, inputs).SetName(name);

        yield return Case("rnn", () => new RNN(4, 6, numLayers: 2, dtype: D), (m, x) => ((RNN)m).Forward(x[0]).Output);
        yield return Case("lstm", () => new LSTM(4, 6, numLayers: 2, batchFirst: true, dtype: D), (m, x) => ((LSTM)m).Forward(x[0]).Output);
        yield return Case("gru", () => new GRU(4, 6, dtype: D), (m, x) => ((GRU)m).Forward(x[0]).Output);
        yield return Case("lstm_state", () => new LSTM(4, 6, dtype: D), (m, x) =>
        {
            var (_, (h, c)) = ((LSTM)m).Forward(x[0]);
            return Tensor.Cat([h, c]);
        });
        yield return Case("lstm_packed", () => new LSTM(4, 6, numLayers: 2, batchFirst: true, dtype: D), (m, x) =>
        {
            var (output, (h, c)) = ((LSTM)m).Forward(x[0], lengths: Oracle["lstm_packed.lengths"]);
            return Tensor.Cat([output.Reshape(-1), h.Reshape(-1), c.Reshape(-1)]);
        });
        yield return Case("gru_packed", () => new GRU(4, 6, dtype: D), (m, x) =>
        {
            var (output, h) = ((GRU)m).Forward(x[0], lengths: Oracle["gru_packed.lengths"]);
            return Tensor.Cat([output.Reshape(-1), h.Reshape(-1)]);
        });
        yield return Case("rnn_packed", () => new RNN(4, 6, numLayers: 2, dtype: D), (m, x) =>
        {
            var (output, h) = ((RNN)m).Forward(x[0], lengths: Oracle["rnn_packed.lengths"]);
            return Tensor.Cat([output.Reshape(-1), h.Reshape(-1)]);
        });
        yield return Case("mha", () => new MultiheadAttention(8, 2, batchFirst: true, dtype: D), (m, x) =>
        {
            var pad = Tensor.FromArray(new[] { false, false, false, true, true, false, false, false, false, false }, 2, 5);
            return ((MultiheadAttention)m).Forward(x[0], x[1], x[1], keyPaddingMask: pad).Output;
        }, inputs: 2);
        yield return Case("bn", () => new BatchNorm2d(3, dtype: D), (m, x) => ((BatchNorm2d)m).Call(x[0]));
        yield return Case("ln", () => new LayerNorm([3, 4], dtype: D), (m, x) => ((LayerNorm)m).Call(x[0]));
        yield return Case("ce", () => new Identity(), (_, x) => Functional.CrossEntropy(x[0], Oracle["ce.target"]).Reshape(1));
        yield return Case("ce_seq", () => new Identity(), (_, x) => Functional.CrossEntropy(x[0], Oracle["ce_seq.target"], reduction: Reduction.Sum).Reshape(1));
        yield return Case("bce_logits", () => new Identity(), (_, x) => Functional.BinaryCrossEntropyWithLogits(x[0], Oracle["bce_logits.target"]).Reshape(1));
        yield return Case("cosine", () => new Identity(), (_, x) => Functional.CosineSimilarity(x[0], x[1]), inputs: 2);
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_pytorch(string name, Func<Module> create, Func<Module, Tensor[], Tensor> forward, int inputCount)
    {
        var module = create();
        var state = Oracle.Where(kv => kv.Key.StartsWith(name + ".", StringComparison.Ordinal))
            .Select(kv => (Key: kv.Key[(name.Length + 1)..], kv.Value))
            .Where(kv => module.StateDict().ContainsKey(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        module.LoadStateDict(state);
        var inputs = Enumerable.Range(0, inputCount).Select(i => Oracle[$"{name}.in{i}"].Clone().RequireGrad()).ToArray();
        var output = forward(module, inputs);
        Assert.That(output.AllClose(Oracle[$"{name}.out"], 1e-10, 1e-12), Is.True, $"forward: {output} vs {Oracle[$"{name}.out"]}");
        output.Backward(Oracle[$"{name}.upstream"]);
        for (var i = 0; i < inputCount; i++)
        {
            Assert.That(inputs[i].Grad!.AllClose(Oracle[$"{name}.grad_in{i}"], 1e-9, 1e-11), Is.True, $"gradient of input {i}");
        }

        foreach (var (parameter, value) in module.NamedParameters())
        {
            Assert.That(value.Grad!.AllClose(Oracle[$"{name}.grad.{parameter}"], 1e-9, 1e-11), Is.True, $"gradient of {parameter}");
        }
    }

    [Test]
    public void Batch_norm_updates_running_statistics_like_pytorch()
    {
        var bn = new BatchNorm2d(3, dtype: DType.Float64);
        bn.Call(Oracle["bn.in0"]);
        Assert.That(bn.RunningMean.AllClose(Oracle["bn.running_mean_after"], 1e-12), Is.True);
        Assert.That(bn.RunningVar.AllClose(Oracle["bn.running_var_after"], 1e-12), Is.True);
    }
}
