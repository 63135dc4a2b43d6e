using System.IO.Compression;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Benchmarks.Quick;

/// <summary>
/// Training throughput of A5's LSTM sentiment classifier (embedding 25 → LSTM 128 → linear on the last real word → sigmoid,
/// binary cross-entropy, Adam) on SST-2's real training sentences: batches of 64 in file order, each padded to its longest
/// sentence, cycled until the time is up. The LSTM is given the lengths, so it skips the padding (<c>--padded</c>: every step
/// runs, as in A5's reference model). The peer (<c>bench/compare/lstm_classifier_torch.py</c>) runs the same batches through
/// PyTorch's <c>nn.LSTM</c> with packed sequences (<c>--padded</c>: over the padding).
/// </summary>
internal static class LstmClassifierQuick
{
    private const int EmbeddingDim = 25;
    private const int HiddenDim = 128;

    public static string Run(QuickOptions options)
    {
        var sentences = ReadSentences(Path.Combine(Repository.Root("lstm-classifier reads data/sst2"), "data", "sst2", "stsa.binary.train.gz"));
        var vocabulary = new Dictionary<string, long> { ["<pad>"] = 0 };
        var encoded = sentences.Select(s => s.Words.Select(w => vocabulary.TryGetValue(w, out var id) ? id : vocabulary[w] = vocabulary.Count).ToArray()).ToList();
        var batches = new List<(Tensor Tokens, Tensor Lengths, Tensor Labels)>();
        for (var start = 0; start + options.Batch <= encoded.Count; start += options.Batch)
        {
            var rows = encoded.GetRange(start, options.Batch);
            var width = rows.Max(r => r.Length);
            var tokens = new long[rows.Count * width];
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].CopyTo(tokens, i * width);
            }

            batches.Add((Tensor.FromArray(tokens, rows.Count, width), Tensor.FromArray(rows.Select(r => (long)r.Length).ToArray(), rows.Count),
                Tensor.FromArray(sentences.GetRange(start, options.Batch).Select(s => s.Label).ToArray(), rows.Count)));
        }

        Init.ManualSeed(0);
        var embed = new Embedding(vocabulary.Count, EmbeddingDim, paddingIdx: 0);
        var lstm = new LSTM(EmbeddingDim, HiddenDim, batchFirst: true);
        var linear = new Linear(HiddenDim, 1);
        var optimizer = new Adam([.. embed.Parameters(), .. lstm.Parameters(), .. linear.Parameters()], lr: 1e-3);
        var next = 0;
        var words = 0L;
        void Step()
        {
            var (tokens, lengths, labels) = batches[next++ % batches.Count];
            optimizer.ZeroGrad();
            var outputs = lstm.Forward(embed.Call(tokens), lengths: options.Padded ? null : lengths).Output;
            var index = (lengths - 1).Reshape(-1, 1, 1).Expand(tokens.Shape[0], 1, HiddenDim);
            var probabilities = linear.Call(outputs.Gather(1, index).Squeeze(1)).Squeeze(1).Sigmoid();
            Functional.BinaryCrossEntropy(probabilities, labels).Backward();
            optimizer.Step();
            words += tokens.NumEl;
        }

        for (var i = 0; i < 10; i++)
        {
            Step();
        }

        (next, words) = (0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < options.Seconds || next < 20)
        {
            Step();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return Json.Object(("case", "lstm-classifier"), ("mode", options.Padded ? "padded" : "lengths"), ("batch", options.Batch), ("hidden", HiddenDim), ("batches", next),
            ("sentences_per_s", Math.Round(next * options.Batch / seconds)), ("padded_words_per_s", Math.Round(words / seconds)));
    }

    private static List<(float Label, string[] Words)> ReadSentences(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var result = new List<(float, string[])>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                result.Add((parts[0] == "1" ? 1 : 0, parts[1..]));
            }
        }

        return result;
    }
}
