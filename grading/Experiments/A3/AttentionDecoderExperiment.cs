using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A3;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// The student's <see cref="AttentionDecoder"/> on the 169 SqueezeNet regions of each image (13 × 13 × 512); see
/// <see cref="DecoderExperiment"/>. The report shows, for three test images, where the decoder looked for each word.
/// The reference reaches test BLEU-4 0.127 (full run, 363 s of training) and 0.099 (quick, 98 s): full marks at 0.10 and
/// 0.06, none at 0.02 and 0.01.
/// </summary>
internal sealed class AttentionDecoderExperiment : DecoderExperiment
{
    public override CheckInfo Info { get; } = new("a3.decoder_attention", "A3", "Experiment: the attention decoder on Flickr8k (13 × 13 regions), test BLEU-4 and attention maps", 6,
        Visibility.Visible, TimeSpan.FromMinutes(40), ["Homework.A3.AttentionDecoder.Forward", "Homework.A3.AttentionDecoder.Sample"]);

    protected override (double Floor, double Target) QuickBand => (0.01, 0.06);

    protected override (double Floor, double Target) FullBand => (0.02, 0.10);

    protected override Tensor Features(CaptionCorpus corpus, ProbeContext context) => CaptionData.Regions(corpus, context);

    protected override Module Create(int vocabulary, int featureDim, Setup setup) =>
        new AttentionDecoder(vocabulary, featureDim, setup.WordDim, setup.HiddenDim, setup.AttentionDim);

    protected override Tensor Scores(Module decoder, Tensor features, Tensor inputs) => ((AttentionDecoder)decoder).Forward(features, inputs).Scores;

    protected override (Tensor Words, Tensor? Weights) Sample(Module decoder, Tensor features) => ((AttentionDecoder)decoder).Sample(features, CaptionData.SampleLength);

    /// <summary>Adds <c>attention_i</c>: the test image, then the image lit by the attention weights of each generated word.</summary>
    protected override void AddFigures(CaptionCorpus corpus, Observation run, IDictionary<string, byte[]> images, IDictionary<string, string> facts)
    {
        for (var i = 0; i < 3; i++)
        {
            var words = corpus.Decode(CaptionData.Words(run["test_captions"][i])).ToList();
            images[$"attention_{i}"] = AttentionMaps.Png(CaptionData.ImagePath(corpus, i), run["test_attention"][i], words.Count);
            facts[$"attention_{i}"] = $"“{string.Join(' ', words)}”: the image, then where the decoder looked for each word ({string.Join(", ", words.Take(AttentionMaps.MaxWords).Select(w => $"“{w}”"))})";
        }
    }
}
