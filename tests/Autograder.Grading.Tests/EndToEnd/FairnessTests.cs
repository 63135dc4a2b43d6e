namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Correct solutions written differently from the reference get full marks; a check's title holds (a softmax loss that is not stable fails).</summary>
[NonParallelizable]
public sealed class FairnessTests
{
    [Test]
    public void In_place_update_rules_and_a_solver_written_differently_get_full_marks_and_an_unstable_softmax_loss_fails()
    {
        var variant = new Dictionary<string, string>
        {
            // As PyTorch's SGD does: the velocity and the parameter updated in place.
            ["SgdMomentum.Step"] = "ArgumentNullException.ThrowIfNull(w); Velocity ??= Tensor.ZerosLike(w); Velocity.Mul_(Momentum).Sub_(dw * LearningRate); return w.Add_(Velocity);",
            ["Adam.Step"] = "ArgumentNullException.ThrowIfNull(w); T++; M ??= Tensor.ZerosLike(w); V ??= Tensor.ZerosLike(w); M.Mul_(Beta1).Add_(dw * (1 - Beta1)); V.Mul_(Beta2).Add_(dw.Square() * (1 - Beta2)); var mHat = M / (1 - Math.Pow(Beta1, T)); var vHat = V / (1 - Math.Pow(Beta2, T)); return w.Sub_(LearningRate * mHat / (vHat.Sqrt() + Epsilon));",
            // A subsample drawn another way (the last m of a permutation) and scored in one batch.
            ["Solver.CheckAccuracy"] = "var n = x.Shape[0]; if (samples is { } m && m < n) { var pick = Tensor.Randperm(Generator, n).Narrow(0, n - m, m); (x, y, n) = (x.IndexSelect(0, pick), y.IndexSelect(0, pick), m); } return n == 0 ? 0 : _model.Scores(x).ArgMax(1).Eq(y).Double().Sum().Item() / n;",
            // Minibatches drawn with replacement, as CS231n's solver does, and no progress callback.
            ["Solver.Train"] = "var n = _data.XTrain.Shape[0]; var batch = Math.Min(Options.BatchSize, n); for (var epoch = 1; epoch <= Options.Epochs; epoch++) { for (var s = 0; s < Math.Max(n / batch, 1); s++) { var picked = Tensor.Randint(Generator, 0, n, [batch]); Step(_data.XTrain.IndexSelect(0, picked), _data.YTrain.IndexSelect(0, picked)); } foreach (var rule in UpdateRules.Values) { rule.LearningRate *= Options.LearningRateDecay; } var train = CheckAccuracy(_data.XTrain, _data.YTrain, Options.TrainAccuracySamples); var validation = CheckAccuracy(_data.XVal, _data.YVal); _trainAccuracyHistory.Add(train); _validationAccuracyHistory.Add(validation); if (validation > BestValidationAccuracy) { BestValidationAccuracy = validation; BestParameters = _model.Parameters.ToDictionary(p => p.Key, p => p.Value.Clone()); } } foreach (var (name, value) in BestParameters) { _model.Parameters[name] = value.Clone(); }",
            // exp of the raw scores: right for small scores, ∞/∞ or 0/0 for a row of large ones.
            ["SoftmaxLoss"] = "var n = scores.Shape[0]; var e = scores.Exp(); var p = e / e.Sum(1, keepDim: true); var oneHot = y.OneHot(scores.Shape[1]).To(scores.DType); return (-(p.Log() * oneHot).Sum().Item() / n, (p - oneHot) / n);",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("fairness", variant));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.sgd_momentum"].Tag, Is.EqualTo("passed"), results["a1.sgd_momentum"].Output);
            Assert.That(results["a1.adam"].Tag, Is.EqualTo("passed"), results["a1.adam"].Output);
            Assert.That(results["a1.solver_accuracy"].Tag, Is.EqualTo("passed"), results["a1.solver_accuracy"].Output);
            Assert.That(results["a1.solver_train"].Tag, Is.EqualTo("passed"), results["a1.solver_train"].Output);
            Assert.That(results["a1.models_hidden"].Tag, Is.EqualTo("passed"), results["a1.models_hidden"].Output);
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("failed"), "titled 'stable for large scores'");
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("NaN").Or.Contain("∞").Or.Contain("Infinity"));
        });
    }

    /// <summary>
    /// The checks added for hidden sizes and varied captions, against correct solutions written another way: max pooling as
    /// plain loops (the first maximum by a strict comparison), and the samplers keeping and restoring the mode without
    /// try/finally, the LSTM decoder's words gathered into an array.
    /// </summary>
    [Test]
    public void Max_pooling_in_loops_and_samplers_written_differently_get_full_marks_public_and_hidden()
    {
        const string Windows = "var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]); var (oh, ow) = (((h - size) / stride) + 1, ((w - size) / stride) + 1); var v = x.ToArray<double>(); ";
        var variant = new Dictionary<string, string>
        {
            ["MaxPool.Forward"] = "ArgumentNullException.ThrowIfNull(x); " + Windows
                + "var y = new double[n * c * oh * ow]; for (var p = 0; p < n * c; p++) for (var i = 0; i < oh; i++) for (var j = 0; j < ow; j++) { var best = double.NegativeInfinity; "
                + "for (var a = 0; a < size; a++) for (var b = 0; b < size; b++) { var value = v[(p * h * w) + (((i * stride) + a) * w) + (j * stride) + b]; if (value > best) { best = value; } } y[(p * oh * ow) + (i * ow) + j] = best; } "
                + "return (Tensor.FromArray(y, n, c, oh, ow), new MaxPoolCache(x, size, stride));",
            ["MaxPool.Backward"] = "ArgumentNullException.ThrowIfNull(dout); ArgumentNullException.ThrowIfNull(cache); var (x, size, stride) = (cache.X, cache.Size, cache.Stride); " + Windows
                + "var up = dout.ToArray<double>(); var dx = new double[n * c * h * w]; for (var p = 0; p < n * c; p++) for (var i = 0; i < oh; i++) for (var j = 0; j < ow; j++) { var (best, at) = (double.NegativeInfinity, -1); "
                + "for (var a = 0; a < size; a++) for (var b = 0; b < size; b++) { var k = (p * h * w) + (((i * stride) + a) * w) + (j * stride) + b; if (v[k] > best) { (best, at) = (v[k], k); } } dx[at] += up[(p * oh * ow) + (i * ow) + j]; } "
                + "return Tensor.FromArray(dx, n, c, h, w);",
            ["LstmDecoder.Sample"] = "ArgumentNullException.ThrowIfNull(features); var wasTraining = Training; Eval(); using var noGrad = Tensor.NoGrad(); var state = Start(features); "
                + "var words = Tensor.Full([features.Shape[0]], startToken, DType.Int64); var captions = new Tensor[maxLength]; "
                + "for (var t = 0; t < maxLength; t++) { var (scores, next) = Step(words, state); state = next; captions[t] = words = scores.ArgMax(1); } Train(wasTraining); return Tensor.Stack(captions, 1);",
        };
        var results = HostProcess.Run("check", Implementations.Grader(), Implementations.Variant("fairness-new-checks", variant), null,
            "--only", "a2.max_pool", "a2.max_pool_hidden", "a3.decoder_sample", "a3.decoder_sample_hidden", "a3.captioning_sample", "a3.captioning_sample_hidden").Results;
        Assert.Multiple(() =>
        {
            foreach (var (id, result) in results)
            {
                Assert.That(result.Score, Is.EqualTo(result.MaxScore), $"{id}: {result.Output}");
            }

            Assert.That(results, Has.Count.EqualTo(6));
        });
    }

    /// <summary>
    /// A4's losses written another way than the reference: a product instead of a square, the Gram matrix image by image with
    /// the normalisation applied before the product, the style terms stacked and summed, TV weighted term by term; and the new
    /// final layer of finetuning and freezing initialised otherwise (the library's default generator, zeros), and GloVe's
    /// missing words drawn from another distribution with the same spread (A5).
    /// </summary>
    [Test]
    public void Style_losses_written_differently_and_new_layers_initialised_otherwise_get_full_marks_public_and_hidden()
    {
        var variant = new Dictionary<string, string>
        {
            ["StyleLosses.ContentLoss"] = "var d = current - original; return (d * d).Sum() * contentWeight;",
            ["StyleLosses.GramMatrix"] = "var (n, c, m) = (features.Shape[0], features.Shape[1], features.Shape[2] * features.Shape[3]); var scale = normalize ? 1.0 / (c * m) : 1.0; "
                + "return Tensor.Stack([.. Enumerable.Range(0, n).Select(i => { var f = features.Select(0, i).Reshape(c, m); return (f * scale).MatMul(f.T); })]);",
            ["StyleLosses.StyleLoss"] = "var terms = styleLayers.Select((layer, l) => (GramMatrix(features[layer]) - styleTargets[l]).Pow(2).Sum() * styleWeights[l]).ToList(); return Tensor.Stack(terms).Sum();",
            ["StyleLosses.TvLoss"] = "var (h, w) = (image.Shape[2], image.Shape[3]); var across = image.Slice(3, 1, w) - image.Slice(3, 0, w - 1); var down = image.Slice(2, 1, h) - image.Slice(2, 0, h - 1); "
                + "return (across.Square().Sum() * tvWeight) + (down.Square().Sum() * tvWeight);",

            // How the new final layer starts is the student's choice: the library's default generator, or zeros.
            ["TransferLearning.Finetune"] = "ArgumentNullException.ThrowIfNull(model); model.Fc = new Linear(ResNet.FeatureCount, classes); return model;",
            ["TransferLearning.Freeze"] = "ArgumentNullException.ThrowIfNull(model); foreach (var p in model.Parameters()) { p.RequiresGrad = false; } var head = new Linear(ResNet.FeatureCount, classes); "
                + "using (Tensor.NoGrad()) { foreach (var p in head.Parameters()) { p.Mul_(0.0); } } model.Fc = head; return [.. head.Parameters()];",

            // GloVe's missing words drawn uniformly with GloVe's standard deviation rather than normally.
            ["GloveEmbeddings.Table"] = "ArgumentNullException.ThrowIfNull(vocabulary); ArgumentNullException.ThrowIfNull(vectors); ArgumentNullException.ThrowIfNull(generator); "
                + "var all = vectors.Values.SelectMany(v => v).Select(v => (double)v).ToArray(); var mean = all.Average(); var half = Math.Sqrt(3 * all.Select(v => (v - mean) * (v - mean)).Average()); "
                + "var d = vectors.Values.First().Length; var table = new float[vocabulary.Count * d]; "
                + "for (var id = 1; id < vocabulary.Count; id++) { for (var i = 0; i < d; i++) { table[(id * d) + i] = vectors.TryGetValue(vocabulary[id], out var v) ? v[i] : (float)(((2 * generator.NextDouble()) - 1) * half); } } "
                + "return Tensor.FromArray(table, vocabulary.Count, d);",
        };
        string[] ids = ["a4.content_loss", "a4.gram_matrix", "a4.style_loss", "a4.tv_loss", "a4.style_losses_hidden", "a4.finetune", "a4.freeze", "a4.transfer_hidden", "a5.glove_table", "a5.glove_table_hidden"];
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("fairness-a4", variant), null, ["--only", .. ids]);
        Assert.Multiple(() =>
        {
            foreach (var id in ids)
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), $"{id}: {results[id].Output}");
                Assert.That(results[id].Score, Is.EqualTo(results[id].MaxScore), id);
            }
        });
    }

    /// <summary>
    /// The transfer-learning loop written another way: the epoch loss as the mean of the batch means (equal batches), a tie
    /// kept as the later epoch (>=), the best weights copied by LoadStateDict into a snapshot; Freeze by a list's ForEach.
    /// </summary>
    [Test]
    public void Transfer_learning_written_differently_gets_full_marks()
    {
        var variant = new Dictionary<string, string>
        {
            ["TransferLearning.TrainModel"] = """
                var history = new List<EpochResult>(); IReadOnlyDictionary<string, Tensor>? best = null; var bestAccuracy = -1.0;
                for (var epoch = 0; epoch < epochs; epoch++)
                {
                    model.Train(); var losses = new List<double>(); var correct = 0.0; var count = 0;
                    foreach (var (x, y) in trainBatches()) { optimizer.ZeroGrad(); var s = model.Call(x); var l = Functional.CrossEntropy(s, y); l.Backward(); optimizer.Step(); losses.Add(l.Item()); correct += s.ArgMax(1).Eq(y).Sum().Item(); count += (int)y.NumEl; }
                    var train = (losses.Average(), correct / count);
                    scheduler?.Step();
                    model.Eval(); var vl = new List<double>(); var vc = 0.0; var vn = 0;
                    using (var scope = Tensor.NoGrad()) { foreach (var (x, y) in valBatches()) { var s = model.Call(x); vl.Add(Functional.CrossEntropy(s, y).Item()); vc += s.ArgMax(1).Eq(y).Sum().Item(); vn += (int)y.NumEl; } }
                    history.Add(new EpochResult(train.Item1, train.Item2, vl.Average(), vc / vn));
                    if (vc / vn >= bestAccuracy) { bestAccuracy = vc / vn; best = model.StateDict(); }
                }

                if (best is not null) { model.LoadStateDict(best); }
                return history;
                """,
            ["TransferLearning.Freeze"] = "model.Parameters().ToList().ForEach(p => p.RequiresGrad = false); var head = new Linear(512, classes, generator: generator); model.Fc = head; return head.Parameters().ToList();",
            ["TransferLearning.VisualizeModel"] = "var mode = model.Training; model.Eval(); long[] result; using (Tensor.NoGrad()) { result = model.Call(images).ArgMax(1).ToArray<long>()[..count]; } model.Train(mode); return result;",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("fairness-a4-transfer", variant), null, "--assignment", "a4", "--only", "a4.train_model", "a4.freeze", "a4.visualize_model");
        Assert.Multiple(() =>
        {
            foreach (var id in new[] { "a4.train_model", "a4.freeze", "a4.visualize_model" })
            {
                Assert.That(results[id].Score, Is.EqualTo(results[id].MaxScore), $"{id}: {results[id].Output}");
            }
        });
    }
}
