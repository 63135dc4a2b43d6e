using Autograder.Tensors;
using Autograder.Tensors.IO;
using Autograder.Tensors.NN;
using Homework.A6;

namespace Autograder.Grading.Tests.Reference;

/// <summary>
/// The A6 reference's models against an independent oracle: the assignment's models written in PyTorch 1.13, float64, with
/// the same random weights (Reference/Fixtures/a6_models.npz, made by make_a6_fixtures.py beside it): outputs and every
/// parameter's gradient of Σ output ⊙ upstream, in evaluation mode.
/// </summary>
public sealed class A6ModelsTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Oracle =
        Npz.Read(Path.Combine(Repository.Root, "tests", "Autograder.Grading.Tests", "Reference", "Fixtures", "a6_models.npz"));

    [Test]
    public void Vanilla_rnn_unit_matches_pytorch()
    {
        var model = Load(new VanillaRnn(4, 5, 6), "rnn");
        var (output, hidden) = model.Forward(Oracle["rnn.x"], Oracle["rnn.h"]);
        AssertOutputsAndGradients(model, "rnn", output, hidden);
    }

    [Test]
    public void Naive_lstm_matches_pytorch()
    {
        var model = Load(new NaiveLstm(3, 5), "lstm");
        var (h, c) = model.Forward(Oracle["lstm.x"], (Oracle["lstm.h0"], Oracle["lstm.c0"]));
        AssertOutputsAndGradients(model, "lstm", h, c);
    }

    [Test]
    public void Seq2seq_rnn_without_attention_matches_pytorch()
    {
        var model = Load(new Seq2Seq(new Encoder(11, 4, 6, 5, cell: CellKind.Rnn), new Decoder(4, 6, 5, 9, cell: CellKind.Rnn)), "s2s_rnn");
        AssertOutputsAndGradients(model, "s2s_rnn", model.Forward(Oracle["source"], 5));
    }

    [Test]
    public void Seq2seq_lstm_with_cosine_attention_matches_pytorch()
    {
        var model = Load(new Seq2Seq(new Encoder(11, 4, 5, 5, cell: CellKind.Lstm), new Decoder(4, 5, 5, 9, cell: CellKind.Lstm, attention: true)), "s2s_lstm_attention");
        AssertOutputsAndGradients(model, "s2s_lstm_attention", model.Forward(Oracle["source"], 5));
    }

    [Test]
    public void Transformer_translator_matches_pytorch()
    {
        var model = Load(new TransformerTranslator(10, 8, 6, 2, 7, 3, 4, 7), "transformer");
        var tokens = Oracle["transformer.tokens"];
        using (Tensor.NoGrad())
        {
            AssertClose(model.Heads.First().Weights(model.Embed(tokens)), Oracle["transformer.head0_weights"], "the first head's attention weights");
        }

        AssertOutputsAndGradients(model, "transformer", model.Forward(tokens));
    }

    private static TModule Load<TModule>(TModule model, string prefix)
        where TModule : Module
    {
        var state = Oracle.Where(p => p.Key.StartsWith(prefix + ".state.", StringComparison.Ordinal)).ToDictionary(p => p.Key[(prefix.Length + 7)..], p => p.Value);
        model.To(DType.Float64);
        model.LoadStateDict(state);
        model.Eval();
        return model;
    }

    private static void AssertOutputsAndGradients(Module model, string prefix, params Tensor[] outputs)
    {
        var loss = outputs.Select((o, i) => (o * Oracle[$"{prefix}.upstream{i}"]).Sum()).Aggregate((a, b) => a + b);
        loss.Backward();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < outputs.Length; i++)
            {
                AssertClose(outputs[i], Oracle[$"{prefix}.out{i}"], $"output {i}");
            }

            foreach (var (name, parameter) in model.NamedParameters())
            {
                AssertClose(parameter.Grad ?? Tensor.ZerosLike(parameter), Oracle[$"{prefix}.grad.{name}"], $"the gradient of {name}");
            }
        });
    }

    private static void AssertClose(Tensor actual, Tensor expected, string what)
    {
        Assert.That(actual.Shape.ToArray(), Is.EqualTo(expected.Shape.ToArray()), what);
        Assert.That(actual.AllClose(expected, 1e-9, 1e-11), Is.True, $"{what}: max difference {(actual - expected).Abs().Max().Item():E2}");
    }
}
