using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A4;

namespace Autograder.Host.Checks.A4;

/// <summary>
/// The style-transfer losses probed on drawn sizes and weights: each loss's value and its gradient with respect to what the
/// generated image controls, and what the usual mistakes would give on the same inputs (so a mistake is named, not just
/// found wrong). Sizes keep C, H·W and H, W apart, so a transposed product or a swapped axis changes the shape or the value.
/// </summary>
internal static class StyleProbe
{
    /// <summary>The drawn sizes and weights.</summary>
    public sealed record Sizes(int C, int H, int W, double ContentWeight, double TvWeight, double[] StyleWeights)
    {
        /// <summary>The public checks' sizes.</summary>
        public static Sizes Public { get; } = new(3, 4, 5, 0.06, 0.02, [300, 1.5, 7]);

        /// <summary>Per-student sizes and weights (hidden checks): channels never equal to H·W.</summary>
        public static Sizes Draw(ProbeContext context)
        {
            var (c, h, w) = ((int)context.Randint(2, 7, 1).Item<long>(), (int)context.Randint(3, 8, 1).Item<long>(), (int)context.Randint(3, 8, 1).Item<long>());
            w = h == w ? w + 1 : w;
            double Weight() => Math.Round(Math.Exp(context.Randn(1).Item<double>() * 2), 4) + 0.01;
            return new(c, h, w, Weight(), Weight(), [Weight() * 100, Weight(), Weight() * 10]);
        }
    }

    public const string ContentMistake = "The loss is the mean of the squared differences: it is their sum (then times the weight).";
    public const string GramTransposed = "The product is Fᵀ F (H·W × H·W): the Gram matrix is F Fᵀ, channel against channel, (C × C).";
    public const string GramUnnormalised = "With normalize = true the Gram matrix must be divided by C·H·W, the number of values per image.";
    public const string GramByPositions = "The Gram matrix is divided by H·W only: normalise by C·H·W.";
    public const string StyleLastOnly = "Only the last style layer counts: add the terms of every layer in styleLayers.";
    public const string StyleUnweighted = "The layers' terms are not weighted: multiply each by its styleWeights[l].";
    public const string TvOneDirection = "Only one direction of neighbours counts: add the vertical (rows) and horizontal (columns) differences.";
    public const string TvAbsolute = "The differences are not squared (|·| instead): TV here is the sum of squared differences.";

    public static Observation Content(ProbeContext context, Sizes s)
    {
        var current = context.Randn(1, s.C, s.H, s.W).RequireGrad();
        var original = context.Randn(1, s.C, s.H, s.W);
        var loss = StyleLosses.ContentLoss(s.ContentWeight, current, original);
        var observation = Record(loss, current, "grad_current");
        observation["mistake_mean"] = (current.Detach() - original).Square().Mean() * s.ContentWeight;
        return observation;
    }

    public static Observation Gram(ProbeContext context, Sizes s)
    {
        var features = context.Randn(2, s.C, s.H, s.W).RequireGrad();
        var gram = StyleLosses.GramMatrix(features, normalize: true);
        var observation = new Observation { ["gram"] = gram.Detach(), ["gram_raw"] = StyleLosses.GramMatrix(features.Detach(), normalize: false) };
        var upstream = context.Randn([.. gram.Shape.ToArray()]);
        (gram * upstream).Sum().Backward();
        observation["grad_features"] = features.Grad ?? Tensor.ZerosLike(features);
        return observation;
    }

    public static Observation Style(ProbeContext context, Sizes s)
    {
        int[] channels = [s.C, s.C + 1, s.C + 2, s.C + 3];
        var features = channels.Select((c, i) => context.Randn(1, c, s.H + (i % 2), s.W).RequireGrad()).ToList();
        int[] layers = [0, 2, 3];
        var targets = layers.Select(l => StyleLosses.GramMatrix(context.Randn(1, channels[l], s.H + (l % 2), s.W))).ToList();
        var loss = StyleLosses.StyleLoss(features, layers, targets, s.StyleWeights);
        var observation = new Observation { ["loss"] = loss.Detach() };
        loss.Backward();
        for (var i = 0; i < features.Count; i++)
        {
            observation[$"grad_features{i}"] = features[i].Grad ?? Tensor.ZerosLike(features[i]);
        }

        // The usual mistakes, computed with the reference's Gram matrix on the same inputs.
        var terms = layers.Select((l, i) => ReferenceGram(features[l].Detach()).Sub(targets[i]).Square().Sum().Item<double>()).ToArray();
        observation.Set("mistake_last_only", terms[^1] * s.StyleWeights[^1]);
        observation.Set("mistake_unweighted", terms.Sum());
        return observation;
    }

    public static Observation Tv(ProbeContext context, Sizes s)
    {
        var image = context.Randn(1, 3, s.H, s.W).RequireGrad();
        var loss = StyleLosses.TvLoss(image, s.TvWeight);
        var observation = Record(loss, image, "grad_image");
        var x = image.Detach();
        var (vertical, horizontal) = (x.Narrow(2, 1, s.H - 1) - x.Narrow(2, 0, s.H - 1), x.Narrow(3, 1, s.W - 1) - x.Narrow(3, 0, s.W - 1));
        observation.Set("mistake_vertical", vertical.Square().Sum().Item<double>() * s.TvWeight);
        observation.Set("mistake_horizontal", horizontal.Square().Sum().Item<double>() * s.TvWeight);
        observation.Set("mistake_absolute", (vertical.Abs().Sum() + horizontal.Abs().Sum()).Item<double>() * s.TvWeight);
        return observation;
    }

    public static Verdict ScoreContent(Observation student, Observation expected) =>
        ScoreLoss(student, expected, "the content loss", "grad_current", "the gradient of the content loss with respect to the generated image's features", ("mistake_mean", ContentMistake));

    public static Verdict ScoreGram(Observation student, Observation expected)
    {
        var (actual, wanted) = (student["gram"], expected["gram"]);
        if (!actual.Shape.SequenceEqual(wanted.Shape))
        {
            var transposed = actual.Dim == 3 && actual.Shape[1] == actual.Shape[2] && actual.Shape[1] != wanted.Shape[1];
            return Verdict.Fail($"the Gram matrices: expected shape ({string.Join(", ", wanted.Shape.ToArray())}); got ({string.Join(", ", actual.Shape.ToArray())}).{(transposed ? " " + GramTransposed : "")}");
        }

        var card = new Scorecard();
        var ratio = wanted.Sum().Item<double>() / actual.Sum().Item<double>();
        var c = wanted.Shape[1];
        if (actual.AllClose(student["gram_raw"], 1e-9) && Math.Abs(ratio - 1) > 1e-6)
        {
            card.Property(false, GramUnnormalised, weight: 2);
        }
        else if (Math.Abs(ratio - (1.0 / c)) < 1e-9 && !actual.AllClose(wanted, 1e-7))
        {
            card.Property(false, GramByPositions, weight: 2);
        }
        else
        {
            card.Value("the normalised Gram matrices (N, C, C)", actual, wanted, weight: 2);
        }

        card.Value("the Gram matrices with normalize = false", student["gram_raw"], expected["gram_raw"]);
        return card.Gradient("the gradient of the Gram matrices with respect to the features", student["grad_features"], expected["grad_features"]).Verdict;
    }

    public static Verdict ScoreStyle(Observation student, Observation expected)
    {
        var card = new Scorecard();
        var loss = student["loss"].Item<double>();
        if (Math.Abs(loss - expected["loss"].Item<double>()) > 1e-7 * Math.Abs(expected["loss"].Item<double>()))
        {
            if (Same(loss, student["mistake_last_only"]))
            {
                return card.Property(false, StyleLastOnly, weight: 3).Verdict;
            }

            if (Same(loss, student["mistake_unweighted"]))
            {
                return card.Property(false, StyleUnweighted, weight: 3).Verdict;
            }
        }

        card.Value("the style loss", student["loss"], expected["loss"], weight: 2);
        for (var i = 0; i < 4; i++)
        {
            card.Gradient($"the gradient of the style loss with respect to layer {i}'s features{(i == 1 ? " (not a style layer: zero)" : "")}", student[$"grad_features{i}"], expected[$"grad_features{i}"]);
        }

        return card.Verdict;
    }

    public static Verdict ScoreTv(Observation student, Observation expected) =>
        ScoreLoss(student, expected, "the total-variation loss", "grad_image", "the gradient of the total-variation loss with respect to the image",
            ("mistake_vertical", TvOneDirection), ("mistake_horizontal", TvOneDirection), ("mistake_absolute", TvAbsolute));

    private static Observation Record(Tensor loss, Tensor input, string gradName)
    {
        var observation = new Observation { ["loss"] = loss.Detach() };
        loss.Backward();
        observation[gradName] = input.Grad ?? Tensor.ZerosLike(input);
        return observation;
    }

    private static Verdict ScoreLoss(Observation student, Observation expected, string what, string gradName, string gradWhat, params (string Name, string Message)[] mistakes)
    {
        var card = new Scorecard();
        var (actual, wanted) = (student["loss"], expected["loss"]);
        if (actual.NumEl != 1)
        {
            return Verdict.Fail($"{what}: expected a scalar; got shape ({string.Join(", ", actual.Shape.ToArray())}).");
        }

        if (!actual.AllClose(wanted, 1e-7) && mistakes.FirstOrDefault(m => Same(actual.Item<double>(), student[m.Name])) is { Message: { } message })
        {
            return card.Property(false, message, weight: 3).Verdict;
        }

        return card.Value(what, actual, wanted, weight: 2).Gradient(gradWhat, student[gradName], expected[gradName]).Verdict;
    }

    private static bool Same(double value, Tensor mistake) => Math.Abs(value - mistake.Item<double>()) <= 1e-9 * Math.Max(1, Math.Abs(value));

    /// <summary>F Fᵀ / (C·H·W), the grader's own, for naming the style loss's mistakes independently of the student's Gram matrix.</summary>
    private static Tensor ReferenceGram(Tensor features)
    {
        var (n, c, h, w) = (features.Shape[0], features.Shape[1], features.Shape[2], features.Shape[3]);
        var flat = features.Reshape(n, c, h * w);
        return flat.MatMul(flat.Transpose(1, 2)) / (c * h * w);
    }
}
