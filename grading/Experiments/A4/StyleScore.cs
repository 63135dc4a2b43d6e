using Autograder.Data.Pretrained;
using Autograder.Tensors;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// The host's own content, style and total-variation losses (float64), with which it scores the images the worker returns:
/// written here, not taken from the homework, because the host never runs student code and must not trust a loss the
/// worker reports. The same formulas as the assignment's (Gram matrices normalised by C·H·W).
/// </summary>
internal sealed class StyleScore
{
    private readonly SqueezeNet _network;
    private readonly Tensor _content;
    private readonly double _contentWeight;
    private readonly IReadOnlyList<Tensor> _styleGrams;

    /// <summary>Computes the targets of one pair: the content image's features and the style image's Gram matrices.</summary>
    public StyleScore(SqueezeNet network, Tensor content, Tensor style, double contentWeight)
    {
        (_network, _contentWeight) = (network, contentWeight);
        using var noGrad = Tensor.NoGrad();
        _content = StyleTransferSetup.Features(network, content)[StyleTransferSetup.ContentLayer].To(DType.Float64);
        var features = StyleTransferSetup.Features(network, style);
        _styleGrams = [.. StyleTransferSetup.StyleLayers.Select(l => Gram(features[l].To(DType.Float64)))];
    }

    /// <summary>The content, style and total-variation losses of an optimised image (1, 3, H, W) and their sum.</summary>
    public (double Content, double Style, double Tv, double Total) Losses(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var noGrad = Tensor.NoGrad();
        var features = StyleTransferSetup.Features(_network, image.To(DType.Float32));
        var content = _contentWeight * (features[StyleTransferSetup.ContentLayer].To(DType.Float64) - _content).Square().Sum().Item();
        var style = 0.0;
        for (var l = 0; l < _styleGrams.Count; l++)
        {
            style += StyleTransferSetup.StyleWeights[l] * (Gram(features[StyleTransferSetup.StyleLayers[l]].To(DType.Float64)) - _styleGrams[l]).Square().Sum().Item();
        }

        var x = image.To(DType.Float64);
        var (h, w) = (x.Shape[2], x.Shape[3]);
        var tv = StyleTransferSetup.TvWeight * ((x.Narrow(2, 1, h - 1) - x.Narrow(2, 0, h - 1)).Square().Sum().Item() + (x.Narrow(3, 1, w - 1) - x.Narrow(3, 0, w - 1)).Square().Sum().Item());
        return (content, style, tv, content + style + tv);
    }

    private static Tensor Gram(Tensor features)
    {
        var (c, h, w) = (features.Shape[1], features.Shape[2], features.Shape[3]);
        var flat = features.Reshape(c, h * w);
        return flat.MatMul(flat.Transpose(0, 1)) / (c * h * w);
    }
}
