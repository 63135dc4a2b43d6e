using Autograder.Tensors;

namespace Homework.A4;

/// <summary>
/// The three losses of neural style transfer (Gatys et al.; CS231n's formulation), all differentiable with respect to the
/// image being generated: content (match one layer's features of the content image), style (match the Gram matrices of
/// several layers' features of the style image) and total variation (keep neighbouring pixels close).
/// </summary>
public static class StyleLosses
{
    /// <summary>The content loss w_c · Σ (F − P)²: the generated image's features F against the content image's P, at one layer.</summary>
    /// <param name="contentWeight">w_c.</param>
    /// <param name="current">F, (1, C, H, W): the generated image's features.</param>
    /// <param name="original">P, (1, C, H, W): the content image's features at the same layer.</param>
    /// <returns>A scalar.</returns>
    public static Tensor ContentLoss(double contentWeight, Tensor current, Tensor original)
    {
        // BEGIN SOLUTION (hint: the squared difference summed over every element, times the weight)
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(original);
        return (current - original).Square().Sum() * contentWeight;
        // END SOLUTION
    }

    /// <summary>
    /// The Gram matrix of each image's features: with F the features reshaped to (C, H·W), G = F Fᵀ, (C, C): G[i, j] is the
    /// correlation of channels i and j over all positions; divided by C·H·W when <paramref name="normalize"/>.
    /// </summary>
    /// <param name="features">(N, C, H, W).</param>
    /// <param name="normalize">Whether to divide by the number of values per image, C·H·W.</param>
    /// <returns>(N, C, C).</returns>
    public static Tensor GramMatrix(Tensor features, bool normalize = true)
    {
        // BEGIN SOLUTION (hint: Reshape to (N, C, H·W), MatMul with its transpose over the last two dimensions (Transpose(1, 2)), then divide by C·H·W if asked)
        ArgumentNullException.ThrowIfNull(features);
        var (n, c, h, w) = (features.Shape[0], features.Shape[1], features.Shape[2], features.Shape[3]);
        var flat = features.Reshape(n, c, h * w);
        var gram = flat.MatMul(flat.Transpose(1, 2));
        return normalize ? gram / (c * h * w) : gram;
        // END SOLUTION
    }

    /// <summary>
    /// The style loss Σ_l w_l · Σ (G_l − A_l)² over the chosen layers: G_l the Gram matrix of the generated image's features at
    /// layer <c>styleLayers[l]</c>, A_l the style image's (given), w_l its weight.
    /// </summary>
    /// <param name="features">The generated image's features at every layer, each (1, C, H, W).</param>
    /// <param name="styleLayers">The indices into <paramref name="features"/> of the layers the style is taken from.</param>
    /// <param name="styleTargets">A_l for each of those layers, each (1, C, C), computed with <see cref="GramMatrix"/>.</param>
    /// <param name="styleWeights">w_l for each of those layers.</param>
    /// <returns>A scalar.</returns>
    public static Tensor StyleLoss(IReadOnlyList<Tensor> features, IReadOnlyList<int> styleLayers, IReadOnlyList<Tensor> styleTargets, IReadOnlyList<double> styleWeights)
    {
        // BEGIN SOLUTION (hint: for each l: the Gram matrix of features[styleLayers[l]], the squared difference with styleTargets[l] summed, times styleWeights[l]; add the terms)
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(styleLayers);
        ArgumentNullException.ThrowIfNull(styleTargets);
        ArgumentNullException.ThrowIfNull(styleWeights);
        var loss = Tensor.Zeros([], features[0].DType);
        for (var l = 0; l < styleLayers.Count; l++)
        {
            var gram = GramMatrix(features[styleLayers[l]]);
            loss = loss + ((gram - styleTargets[l]).Square().Sum() * styleWeights[l]);
        }

        return loss;
        // END SOLUTION
    }

    /// <summary>
    /// The total-variation loss w_tv · Σ_c (Σ (x[c, i+1, j] − x[c, i, j])² + Σ (x[c, i, j+1] − x[c, i, j])²): the squared
    /// differences between vertically and horizontally neighbouring pixels, in every channel.
    /// </summary>
    /// <param name="image">(1, 3, H, W).</param>
    /// <param name="tvWeight">w_tv.</param>
    /// <returns>A scalar.</returns>
    public static Tensor TvLoss(Tensor image, double tvWeight)
    {
        // BEGIN SOLUTION (hint: Narrow the image along dimension 2 (rows) to [1, H) and [0, H − 1) and subtract; the same along dimension 3 (columns); square, sum both, times the weight)
        ArgumentNullException.ThrowIfNull(image);
        var (h, w) = (image.Shape[2], image.Shape[3]);
        var vertical = (image.Narrow(2, 1, h - 1) - image.Narrow(2, 0, h - 1)).Square().Sum();
        var horizontal = (image.Narrow(3, 1, w - 1) - image.Narrow(3, 0, w - 1)).Square().Sum();
        return (vertical + horizontal) * tvWeight;
        // END SOLUTION
    }
}
