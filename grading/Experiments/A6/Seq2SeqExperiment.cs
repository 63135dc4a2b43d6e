using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A6;

namespace Autograder.Host.Experiments.A6;

/// <summary>
/// A Seq2Seq translator (the student's Encoder, Decoder and Seq2Seq): embeddings and hidden states of 128, dropout 0.2,
/// sentences of 20 ids, greedy decoding of 19 words (the assignment's setting: no teacher forcing). Full run: 20 epochs on
/// the 29,000 training pairs; quick run: 3 epochs on the first 3,000. With attention, the attention weights of each decoding
/// step over the source words are recorded for two test sentences.
/// </summary>
internal abstract class Seq2SeqExperiment(bool lstm, bool attention) : TranslationExperiment
{
    private Encoder? _encoder;
    private Decoder? _decoder;

    /// <summary>Gets the embedding and hidden sizes.</summary>
    protected virtual int Size => 128;

    /// <summary>Gets the dropout probability after the embeddings.</summary>
    protected virtual double Dropout => 0.2;

    public override string ModelName => $"Seq2Seq, {(lstm ? "LSTM" : "RNN")} {(attention ? "with" : "without")} attention";

    protected override int Length => 20;

    protected override (int Full, int Quick) Epochs => (20, 3);

    /// <summary>The methods the experiment runs, for its CheckInfo.</summary>
    protected static string[] Targets => ["Homework.A6.Seq2Seq.Forward", "Homework.A6.Encoder.Forward", "Homework.A6.Decoder.Forward"];

    /// <summary>The parts the experiment builds on, which a failing check replaces with the reference's.</summary>
    protected static IReadOnlyList<Substitution> Parts => [Checks.A6.A6Check.EncoderFile, Checks.A6.A6Check.DecoderFile, Checks.A6.A6Check.TrainingFile];

    protected override (Module Model, Func<TranslationBatch, Tensor> Translate) Create(TranslationData data)
    {
        var cell = lstm ? CellKind.Lstm : CellKind.Rnn;
        _encoder = new Encoder(data.German.Count, Size, Size, Size, Dropout, cell);
        _decoder = new Decoder(Size, Size, Size, data.English.Count, Dropout, cell, attention);
        var model = new Seq2Seq(_encoder, _decoder);
        return (model, batch => model.Forward(batch.Source, batch.Target.Shape[1] - 1));
    }

    protected override void RecordAttention(Observation observation, Tensor sources)
    {
        if (!attention || _encoder is null || _decoder is null)
        {
            return;
        }

        using var noGrad = Tensor.NoGrad();
        for (var i = 0; i < sources.Shape[0]; i++)
        {
            var source = sources.Narrow(0, i, 1);
            var words = (int)source.Ne(SpecialTokens.Padding).Sum().Item();
            var (outputs, state) = _encoder.Forward(source);
            var (input, steps, produced) = (source.Narrow(1, 0, 1), new List<Tensor>(), new List<long>());
            for (var t = 0; t < Length - 1 && (produced.Count == 0 || produced[^1] != SpecialTokens.End); t++)
            {
                steps.Add(Decoder.ComputeAttention(state.H, outputs).Reshape(-1).Narrow(0, 0, words));
                (var output, state) = _decoder.Forward(input, state, outputs);
                input = output.ArgMax(1).Unsqueeze(1);
                produced.Add(input.Reshape(-1).ToArray<long>()[0]);
            }

            observation[$"attention_{i}"] = Tensor.Stack(steps);
            var labels = new long[2, Math.Max(words, produced.Count)];
            for (var j = 0; j < labels.GetLength(1); j++)
            {
                (labels[0, j], labels[1, j]) = (j < words ? source.Reshape(-1).ToArray<long>()[j] : SpecialTokens.Padding, j < produced.Count ? produced[j] : SpecialTokens.Padding);
            }

            observation[$"attention_{i}_labels"] = Tensor.FromArray(labels.Cast<long>().ToArray(), 2, labels.GetLength(1));
        }
    }
}
