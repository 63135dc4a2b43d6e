using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;
using Homework.A6;

namespace Autograder.Benchmarks.Quick;

/// <summary>
/// One training step of A6's translators as the reference writes them, on synthetic word ids (seeded; every sentence starts with &lt;sos&gt;), Adam, cross-entropy
/// ignoring padding, gradients clipped at 0.5 (<see cref="TranslationTraining.TrainEpoch"/>): <c>transformer</c> (batch 128,
/// length 43, hidden 128, 2 heads, d_k = d_v = 96, feed-forward 2048, vocabularies 7,000 → 6,000) and <c>seq2seq</c>
/// (batch 128, length 20, embedding and hidden 128, cosine attention; <c>--cell rnn</c> or the default LSTM). The peers are
/// <c>bench/compare/transformer_torch.py</c> and <c>bench/compare/seq2seq_torch.py</c>.
/// </summary>
internal static class TranslatorQuick
{
    private const int SourceVocabulary = 7000, TargetVocabulary = 6000;

    public static string Transformer(QuickOptions options)
    {
        const int Length = 43;
        Init.ManualSeed(0);
        var model = new TransformerTranslator(SourceVocabulary, TargetVocabulary);
        var batch = Batch(options.Batch, Length);
        return Time("transformer", options, model, b => model.Forward(b.Source).Narrow(1, 1, Length - 1), batch, ("length", Length));
    }

    public static string Seq2Seq(QuickOptions options)
    {
        const int Length = 20, Size = 128;
        var cell = options.Cell == "rnn" ? CellKind.Rnn : CellKind.Lstm;
        Init.ManualSeed(0);
        var model = new Seq2Seq(new Encoder(SourceVocabulary, Size, Size, Size, cell: cell), new Decoder(Size, Size, Size, TargetVocabulary, cell: cell, attention: true));
        var batch = Batch(options.Batch, Length);
        return Time("seq2seq", options, model, b => model.Forward(b.Source, Length - 1), batch, ("length", Length), ("cell", cell.ToString().ToLowerInvariant()));
    }

    private static TranslationBatch Batch(int n, int length)
    {
        var generator = new Generator(1);
        var start = Tensor.Full([n, 1], SpecialTokens.Start, DType.Int64);
        var source = Tensor.Cat([start, Tensor.Randint(generator, 4, SourceVocabulary, [n, length - 1])], 1);
        var target = Tensor.Cat([start, Tensor.Randint(generator, 4, TargetVocabulary, [n, length - 1])], 1);
        return new TranslationBatch(source, target);
    }

    private static string Time(string name, QuickOptions options, Module model, Func<TranslationBatch, Tensor> translate, TranslationBatch batch, params (string, object)[] extra)
    {
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        void Step() => TranslationTraining.TrainEpoch(model, translate, optimizer, [batch]);
        for (var i = 0; i < 2; i++)
        {
            Step();
        }

        var (steps, clock) = (0, System.Diagnostics.Stopwatch.StartNew());
        while (clock.Elapsed.TotalSeconds < options.Seconds || steps < 3)
        {
            Step();
            steps++;
        }

        var ms = clock.Elapsed.TotalMilliseconds / steps;
        return Json.Object([("case", name), ("batch", options.Batch), .. extra, ("steps", steps), ("ms_per_step", Math.Round(ms, 1))]);
    }
}
