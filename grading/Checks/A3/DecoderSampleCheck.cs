using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>
/// Greedy sampling with both framework decoders on set weights: the same words as the reference (and, for the attention
/// decoder, the same weights for each generated word); sampling leaves the decoder in the mode it found it in.
/// </summary>
/// <remarks>
/// With the other decoder checks' sizes (hidden state 4) every greedy caption was one word repeated, which cannot tell a
/// decoder that feeds back its prediction from one that does not. Sampling is probed with a wider state (16) and the word
/// embedding scaled by <see cref="EmbeddingScale"/>, so the word fed back moves the state and captions change word by word.
/// </remarks>
internal sealed class DecoderSampleCheck() : A3Check("a3.decoder_sample", "LstmDecoder.Sample and AttentionDecoder.Sample: greedy captions", 2,
    "Homework.A3.LstmDecoder.Sample", "Homework.A3.AttentionDecoder.Sample")
{
    private const int Length = 6;

    private const double EmbeddingScale = 4;

    /// <summary>The public sizes for sampling: the decoder checks' N, L, V, F and A with word vectors of 8 and a state of 16.</summary>
    public static DecoderProbe.Sizes Sizes { get; } = DecoderProbe.Public with { W = 8, H = 16 };

    protected override IReadOnlyList<Substitution> Substitutes => [AdditiveAttentionFile];

    public override Observation Probe(ProbeContext context) => Run(context, Sizes);

    public override Verdict Judge(Observation student, Observation expected) => Score(student, expected);

    /// <summary>Samples <see cref="Length"/> words with both decoders of <paramref name="s"/>'s sizes, on weights and features from the seed.</summary>
    public static Observation Run(ProbeContext context, DecoderProbe.Sizes s)
    {
        var observation = new Observation();
        var lstm = new LstmDecoder(s.V, s.F, s.W, s.H);
        if (ModuleProbe.SetWeights(lstm, DecoderProbe.LstmDecoderParameters(s), context, observation))
        {
            Sharpen(lstm);
            lstm.Train();
            observation["lstm_words"] = lstm.Sample(context.Randn(s.N, s.F) * 2.0, Length).To(DType.Float64);
            observation.Set("lstm_mode_kept", lstm.Training ? 1 : 0);
        }

        var attention = new AttentionDecoder(s.V, s.F, s.W, s.H, s.A);
        if (ModuleProbe.SetWeights(attention, DecoderProbe.AttentionDecoderParameters(s), context, observation))
        {
            Sharpen(attention);
            attention.Train();
            var (words, weights) = attention.Sample(context.Randn(s.N, s.L, s.F) * 2.0, Length);
            (observation["attention_words"], observation["attention_weights"]) = (words.To(DType.Float64), weights);
            observation.Set("attention_mode_kept", attention.Training ? 1 : 0);
        }

        return observation;
    }

    /// <summary>Scores the words, the kept mode and the attention weights of both decoders.</summary>
    public static Verdict Score(Observation student, Observation expected)
    {
        var card = new Scorecard();
        foreach (var (name, type) in new[] { ("lstm", "LstmDecoder"), ("attention", "AttentionDecoder") })
        {
            var member = $"{type}.Sample";
            if (!student.Contains(name + "_words"))
            {
                card.Property(false, $"{type}.Sample was not run: the decoder's parameters' names or shapes differ (see its own check).", weight: name == "lstm" ? 1 : 1.5, member: member);
                continue;
            }

            var (mine, theirs) = (student[name + "_words"], expected[name + "_words"]);
            card.Property(mine.Shape.SequenceEqual(theirs.Shape) && mine.Eq(theirs).All(),
                $"{type}.Sample: expected words {Words(theirs)}, got {Words(mine)} (start from the start word, feed back the arg-max word, exactly maxLength steps, in evaluation mode).", weight: 0.75, member: member);
            card.Property(student[name + "_mode_kept"].Item() == 1, $"{type}.Sample left a decoder that was in training mode in evaluation mode: restore the mode it found (Train(training)).", weight: 0.25, member: member);
            if (name == "attention")
            {
                card.Value("the attention weights of each generated word (N, maxLength, L)", student["attention_weights"], expected["attention_weights"], weight: 0.5, member: member);
            }
        }

        return card.Verdict;
    }

    private static void Sharpen(Module decoder)
    {
        using var noGrad = Tensor.NoGrad();
        foreach (var (name, parameter) in decoder.NamedParameters().Where(p => p.Name == "embed.weight"))
        {
            parameter.Mul_(EmbeddingScale);
        }
    }

    private static string Words(Tensor captions) =>
        string.Join(" / ", Enumerable.Range(0, captions.Shape[0]).Select(i => string.Join(' ', captions[i].ToArray<double>().Select(v => (long)v))));
}
