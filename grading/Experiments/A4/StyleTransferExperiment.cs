using Autograder.Data.Images;
using Autograder.Data.Pretrained;
using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Tensors;
using Autograder.Tensors.Optim;
using Homework.A4;

namespace Autograder.Host.Experiments.A4;

/// <summary>
/// Neural style transfer with the student's losses (CS231n's loop): for each of three content/style pairs, the image starts
/// as the content image and Adam (rate 3, then 0.1 for the last tenth) lowers the student's content + style + TV loss
/// on the pretrained SqueezeNet's features, the image clamped to [−1.5, 1.5] until the rate decays. The worker returns the
/// final images (and its loss curves, for the report); the host recomputes the three losses of each image, as its 8-bit
/// picture, with its own <see cref="StyleScore"/>, and scores how much of the content image's starting loss the run removed
/// against what the reference removes.
/// </summary>
internal sealed class StyleTransferExperiment : Experiment
{
    /// <summary>
    /// The share of the content image's starting loss that the reference's images remove, per pair, in a quick and a full
    /// run (measured by this experiment on the reference, 2026-12-03; the runs are deterministic). Full marks at 90 % of it.
    /// </summary>
    private static readonly double[] QuickReference = [0.428, 0.655, 0.530], FullReference = [0.519, 0.687, 0.584];

    /// <summary>The network and the pairs' scorers, as the host loaded them for <see cref="HeldOut"/>.</summary>
    private (SqueezeNet Network, StyleScore[] Scores, Tensor[] Contents, Tensor[] Styles)? _host;

    public override CheckInfo Info { get; } = new("a4.style_transfer", "A4", "Experiment: style transfer of three images with your losses, loss recomputed by the grader", 6,
        Visibility.Visible, TimeSpan.FromMinutes(30), ["Homework.A4.StyleLosses.StyleLoss", "Homework.A4.StyleLosses.ContentLoss", "Homework.A4.StyleLosses.TvLoss", "Homework.A4.StyleLosses.GramMatrix"]);

    public override IReadOnlyList<DataRequirement> Data { get; } = [StyleTransferSetup.Requirement, ExperimentData.SqueezeNet];

    public override Observation Probe(ProbeContext context)
    {
        var (network, contents, styles, setup, full) = Load(context.Settings);
        var observation = new Observation();
        for (var p = 0; p < contents.Length; p++)
        {
            var (image, curves) = Transfer(network, contents[p], styles[p], setup, (t, loss) =>
                context.Report(((p * setup.Iterations) + t) / (double)(contents.Length * setup.Iterations), $"{StyleTransferSetup.Pairs[p].Content} as {StyleTransferSetup.Pairs[p].Style}: iteration {t + 1}/{setup.Iterations}, loss {loss:G4}"));
            observation[$"image_{p}"] = image.To(DType.Float64);
            observation[$"curves_{p}"] = curves;
        }

        observation.Set("full", full ? 1 : 0);
        return observation;
    }

    public override Observation HeldOut(IReadOnlyDictionary<string, string> settings)
    {
        var (network, contents, styles, setup, full) = Load(settings);
        _host = (network, [.. contents.Select((c, p) => new StyleScore(network, c, styles[p], setup.ContentWeight))], contents, styles);
        var observation = new Observation();
        observation.Set("full", full ? 1 : 0);
        for (var p = 0; p < contents.Length; p++)
        {
            observation.Set($"start_loss_{p}", _host.Value.Scores[p].Losses(contents[p]).Total);
            observation[$"shape_{p}"] = Tensor.FromArray(contents[p].Shape.ToArray().Select(d => (double)d).ToArray(), 4);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var scores = _host?.Scores ?? throw new InvalidOperationException("Judge needs the held-out targets: call HeldOut first.");
        var reference = expected["full"].Item() == 1 ? FullReference : QuickReference;
        var (points, notes) = (0.0, new List<string>());
        for (var p = 0; p < scores.Length; p++)
        {
            var name = $"{StyleTransferSetup.Pairs[p].Content} as {StyleTransferSetup.Pairs[p].Style}".Replace('_', ' ');
            var shape = expected[$"shape_{p}"].ToArray<double>().Select(d => (int)d).ToArray();
            var image = student[$"image_{p}"];
            if (!image.Shape.SequenceEqual(shape))
            {
                notes.Add($"{name}: expected an image of shape ({string.Join(", ", shape)}); got ({string.Join(", ", image.Shape.ToArray())}).");
                continue;
            }

            var removed = Removed(scores[p], image, expected[$"start_loss_{p}"].Item());
            var share = Band(removed, 0, 0.9 * reference[p]);
            points += share / scores.Length;
            if (share < 1)
            {
                notes.Add($"{name}: the image removes {100 * removed:0.0} % of the content image's loss (recomputed by the grader; full marks at {100 * 0.9 * reference[p]:0.0} %, 90 % of the reference's).");
            }
        }

        return new Verdict(points, string.Join(" ", notes));
    }

    public override ExperimentSummary Summarize(Observation run, Observation heldOut)
    {
        var host = _host ?? throw new InvalidOperationException("Summarize needs the held-out targets: call HeldOut first.");
        var metrics = new Dictionary<string, double>();
        var series = new Dictionary<string, IReadOnlyList<double>>();
        var images = new Dictionary<string, byte[]>();
        var facts = new Dictionary<string, string>();
        var rows = new List<IReadOnlyList<double>>();
        for (var p = 0; p < host.Scores.Length; p++)
        {
            // Three images per pair, in gallery order: content, style, result.
            var (content, style) = StyleTransferSetup.Pairs[p];
            var (contentName, styleName) = (content.Replace('_', ' '), style.Replace('_', ' '));
            images[$"pair_{3 * p}"] = ImageCodec.EncodePng(StyleTransferSetup.Deprocess(host.Contents[p]));
            images[$"pair_{(3 * p) + 1}"] = ImageCodec.EncodePng(StyleTransferSetup.Deprocess(host.Styles[p]));
            facts[$"pair_{3 * p}"] = $"content: {contentName}";
            facts[$"pair_{(3 * p) + 1}"] = $"style: {styleName}";
            var image = run[$"image_{p}"];
            if (!image.Shape.SequenceEqual(host.Contents[p].Shape))
            {
                images[$"pair_{(3 * p) + 2}"] = images[$"pair_{3 * p}"];
                facts[$"pair_{(3 * p) + 2}"] = "no image of the right shape came back";
                continue;
            }

            images[$"pair_{(3 * p) + 2}"] = ImageCodec.EncodePng(StyleTransferSetup.Deprocess(image));
            facts[$"pair_{(3 * p) + 2}"] = $"{contentName} as {styleName}";
            var losses = host.Scores[p].Losses(Quantised(image));
            var start = heldOut[$"start_loss_{p}"].Item();
            metrics[$"loss_removed_{p}"] = 1 - (losses.Total / start);
            rows.Add([p + 1, start, losses.Content, losses.Style, losses.Tv, losses.Total]);
            var curves = run[$"curves_{p}"];
            string[] names = ["loss", "content_loss", "style_loss", "tv_loss"];
            for (var c = 0; c < names.Length; c++)
            {
                series[$"{names[c]}_{p}"] = curves.Narrow(1, c, 1).Reshape(-1).ToArray<double>();
            }
        }

        metrics["iterations"] = run["curves_0"].Shape[0];
        metrics["size"] = host.Contents[0].Shape[2];
        return new ExperimentSummary(metrics, series,
            new Dictionary<string, ExperimentTable> { ["losses"] = new(["pair", "start_total", "final_content", "final_style", "final_tv", "final_total"], rows) },
            facts)
        {
            Images = images,
        };
    }

    /// <summary>The loop, with the student's losses: the final image (1, 3, H, W) and, per iteration, the total, content, style and TV loss (T, 4).</summary>
    private static (Tensor Image, Tensor Curves) Transfer(SqueezeNet network, Tensor content, Tensor style, StyleTransferSetup setup, Action<int, double> progress)
    {
        Tensor contentTarget;
        List<Tensor> styleTargets;
        using (Tensor.NoGrad())
        {
            contentTarget = StyleTransferSetup.Features(network, content)[StyleTransferSetup.ContentLayer];
            var styleFeatures = StyleTransferSetup.Features(network, style);
            styleTargets = [.. StyleTransferSetup.StyleLayers.Select(l => StyleLosses.GramMatrix(styleFeatures[l]))];
        }

        var image = content.Clone();
        image.RequiresGrad = true;
        var optimizer = new Adam([image], lr: StyleTransferSetup.InitialRate);
        var curves = new double[setup.Iterations, 4];
        for (var t = 0; t < setup.Iterations; t++)
        {
            if (t < setup.DecayAt)
            {
                using var noGrad = Tensor.NoGrad();
                image.Sub_(image - image.Clamp(-1.5, 1.5));
            }

            if (t == setup.DecayAt)
            {
                optimizer.ParamGroups[0].LearningRate = StyleTransferSetup.DecayedRate;
            }

            optimizer.ZeroGrad();
            var features = StyleTransferSetup.Features(network, image);
            var contentLoss = StyleLosses.ContentLoss(setup.ContentWeight, features[StyleTransferSetup.ContentLayer], contentTarget);
            var styleLoss = StyleLosses.StyleLoss(features, StyleTransferSetup.StyleLayers, styleTargets, StyleTransferSetup.StyleWeights);
            var tvLoss = StyleLosses.TvLoss(image, StyleTransferSetup.TvWeight);
            var loss = contentLoss + styleLoss + tvLoss;
            loss.Backward();
            optimizer.Step();
            (curves[t, 0], curves[t, 1], curves[t, 2], curves[t, 3]) = (loss.Item(), contentLoss.Item(), styleLoss.Item(), tvLoss.Item());
            progress(t, curves[t, 0]);
        }

        return (image.Detach(), Tensor.FromArray(curves));
    }

    /// <summary>The share of the starting loss an image removes, scored as the 8-bit picture the report shows (NaN counts as nothing removed).</summary>
    private static double Removed(StyleScore score, Tensor image, double start)
    {
        var total = score.Losses(Quantised(image)).Total;
        return double.IsFinite(total) ? 1 - (total / start) : 0;
    }

    /// <summary>The optimised image as its 8-bit picture shows it, back in the optimised space.</summary>
    private static Tensor Quantised(Tensor image) => StyleTransferSetup.Normalise(StyleTransferSetup.Deprocess(image));

    private static (SqueezeNet Network, Tensor[] Contents, Tensor[] Styles, StyleTransferSetup Setup, bool Full) Load(IReadOnlyDictionary<string, string> settings)
    {
        var (folder, _, full) = ExperimentData.Locate(settings, StyleTransferSetup.Requirement);
        var (squeeze, _, _) = ExperimentData.Locate(settings, ExperimentData.SqueezeNet);
        var setup = full ? StyleTransferSetup.Full : StyleTransferSetup.Quick;
        Tensor[] contents = [.. StyleTransferSetup.Pairs.Select(p => StyleTransferSetup.Preprocess(StyleTransferSetup.Load(folder, "content", p.Content), setup.ContentSize))];
        Tensor[] styles = [.. StyleTransferSetup.Pairs.Select(p => StyleTransferSetup.Preprocess(StyleTransferSetup.Load(folder, "style", p.Style), setup.StyleSize))];
        return (SqueezeNet.Load(squeeze), contents, styles, setup, full);
    }
}
