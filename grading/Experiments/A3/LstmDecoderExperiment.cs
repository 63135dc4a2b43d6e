using Autograder.Data.Datasets;
using Autograder.Grading.Checks;
using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A3;

namespace Autograder.Host.Experiments.A3;

/// <summary>
/// The student's <see cref="LstmDecoder"/> on the pooled SqueezeNet features (512 per image); see <see cref="DecoderExperiment"/>.
/// The reference reaches test BLEU-4 0.104 (full run, 81 s of training) and 0.100 (quick, 21 s): full marks at 0.08 and
/// 0.06, none at 0.02 and 0.01.
/// </summary>
internal sealed class LstmDecoderExperiment : DecoderExperiment
{
    public override CheckInfo Info { get; } = new("a3.decoder_lstm", "A3", "Experiment: the framework LSTM decoder on Flickr8k (pooled features), test BLEU-4", 6,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A3.LstmDecoder.Forward", "Homework.A3.LstmDecoder.Sample"]);

    protected override (double Floor, double Target) QuickBand => (0.01, 0.06);

    protected override (double Floor, double Target) FullBand => (0.02, 0.08);

    protected override Tensor Features(CaptionCorpus corpus, ProbeContext context) => CaptionData.Pooled(corpus, context);

    protected override Module Create(int vocabulary, int featureDim, Setup setup) => new LstmDecoder(vocabulary, featureDim, setup.WordDim, setup.HiddenDim);

    protected override Tensor Scores(Module decoder, Tensor features, Tensor inputs) => ((LstmDecoder)decoder).Forward(features, inputs);

    protected override (Tensor Words, Tensor? Weights) Sample(Module decoder, Tensor features) => (((LstmDecoder)decoder).Sample(features, CaptionData.SampleLength), null);
}
