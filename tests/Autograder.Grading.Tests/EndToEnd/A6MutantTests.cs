namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// A6's checks against the mistakes the assignment invites, each written into a copy of the reference: every mutant is caught
/// by its own check with a message that names it, and the models built on a faulty part are graded with the reference's part.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class A6MutantTests
{
    private const string Lstm = "A6/Naive/NaiveLstm.cs";
    private const string Decoder = "A6/Seq2Seq/Decoder.cs";
    private const string Head = "A6/Transformer/AttentionHead.cs";
    private const string Transformer = "A6/Transformer/TransformerTranslator.cs";
    private const string Training = "A6/TranslationTraining.cs";

    /// <summary>
    /// The forget gate computed from the input gate's parameters, a dot product for the cosine similarity, attention scores
    /// without the √d_k scale, the position embedding left out, the feed-forward residual added after the LayerNorm, and the
    /// padding counted in the perplexity.
    /// </summary>
    [Test]
    public void A6_mutants_are_caught_and_the_models_are_isolated()
    {
        var mutants = Implementations.Variant("a6-mutants", new Dictionary<string, string>
        {
            ["NaiveLstm.Forward"] = Changed(Lstm, "Forward", "x.MatMul(_weightIf) + h.MatMul(_weightHf) + _biasF", "x.MatMul(_weightIi) + h.MatMul(_weightHi) + _biasI"),
            ["Decoder.ComputeAttention"] = Changed(Decoder, "ComputeAttention", "Functional.CosineSimilarity(hidden.Transpose(0, 1), encoderOutputs, dim: 2)", "(hidden.Transpose(0, 1) * encoderOutputs).Sum(2)"),
            ["AttentionHead.Weights"] = Changed(Head, "Weights", " / Math.Sqrt(Key.OutFeatures)", ""),
            ["TransformerTranslator.Embed"] = "return _embedding.Call(inputs);",
            ["TransformerTranslator.FeedForward"] = "return _normFf.Call(_feedforward2.Call(Functional.Relu(_feedforward1.Call(inputs)))) + inputs;",
            ["Perplexity.Compute"] = Changed("A6/Perplexity.cs", "Compute", "targets.Ne(SpecialTokens.Padding).To(picked.DType)", "Tensor.OnesLike(picked)"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, "--assignment", "a6");
        Assert.Multiple(() =>
        {
            Assert.That(results["a6.naive_lstm"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.naive_lstm"].Output, Does.Contain("No gradient reaches weightIf, weightHf, biasF"));
            Assert.That(results["a6.naive_lstm_hidden"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.decoder_attention"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.decoder_attention"].Output, Does.Contain("cosine similarity"));
            Assert.That(results["a6.decoder"].Tag, Is.EqualTo("passed"), "without attention the decoder is right");
            Assert.That(results["a6.seq2seq"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a6.seq2seq"].Output, Does.StartWith("graded with the reference's A6/Seq2Seq/Decoder.cs in place of yours"));
            Assert.That(results["a6.seq2seq_hidden"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a6.attention_head"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.attention_head"].Output, Does.Contain("divide the scores by √d_k"));
            Assert.That(results["a6.multi_head_attention"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a6.multi_head_attention"].Output, Does.StartWith("graded with the reference's A6/Transformer/AttentionHead.cs"));
            Assert.That(results["a6.transformer_embed"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.transformer_embed"].Output, Does.Contain("word embeddings alone"));
            Assert.That(results["a6.feedforward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.feedforward"].Output, Does.Contain("the LayerNorm last"));
            Assert.That(results["a6.transformer_forward"].Tag, Is.EqualTo("passed"), "Forward itself is right: graded with the reference's head, Embed and FeedForward, the rest of the student's file kept");
            Assert.That(results["a6.transformer_forward"].Output, Does.StartWith("graded with the reference's A6/Transformer/AttentionHead.cs").And.Contain("TransformerTranslator.Embed").And.Contain("TransformerTranslator.FeedForward"));
            Assert.That(results["a6.perplexity"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.perplexity"].Output, Does.Contain("padding positions are counted"));
            Assert.That(results["a6.vanilla_rnn"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a6.encoder"].Tag, Is.EqualTo("passed"));
        });
    }

    /// <summary>
    /// Softmaxes over the wrong axis (the batch in the decoder's attention, the queries in a head), the heads concatenated in
    /// the wrong order, the embeddings concatenated instead of added, and a decoder never fed its own predictions.
    /// </summary>
    [Test]
    public void A6_axis_order_and_feedback_mutants_are_caught()
    {
        var mutants = Implementations.Variant("a6-mutants-axes", new Dictionary<string, string>
        {
            ["Decoder.ComputeAttention"] = Changed(Decoder, "ComputeAttention", "Functional.Softmax(similarity, 1)", "Functional.Softmax(similarity, 0)"),
            ["AttentionHead.Weights"] = Changed(Head, "Weights", "Functional.Softmax(scores, 2)", "Functional.Softmax(scores, 1)"),
            ["TransformerTranslator.MultiHeadAttention"] = Changed(Transformer, "MultiHeadAttention", "Heads.Select(", "Heads.Reverse().Select("),
            ["TransformerTranslator.Embed"] = "return Tensor.Cat([_embedding.Call(inputs), _positionEmbedding.Call(Tensor.Arange(inputs.Shape[1])).Unsqueeze(0).Expand(inputs.Shape[0], inputs.Shape[1], -1)], 2);",
            ["Seq2Seq.Forward"] = Changed("A6/Seq2Seq/Seq2Seq.cs", "Forward", "input = output.ArgMax(1).Unsqueeze(1);", "_ = input;"),
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants, null, "--assignment", "a6", "--only",
            "a6.decoder_attention", "a6.attention_head", "a6.multi_head_attention", "a6.transformer_embed", "a6.seq2seq", "a6.attention_head_hidden", "a6.decoder_attention_hidden");
        Assert.Multiple(() =>
        {
            Assert.That(results["a6.decoder_attention"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.decoder_attention"].Output, Does.Contain("over the batch axis"));
            Assert.That(results["a6.decoder_attention_hidden"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.attention_head"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.attention_head"].Output, Does.Contain("over the queries' axis"));
            Assert.That(results["a6.attention_head_hidden"].Score, Is.LessThan(results["a6.attention_head_hidden"].MaxScore));
            Assert.That(results["a6.multi_head_attention"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.multi_head_attention"].Output, Does.Contain("the output"));
            Assert.That(results["a6.transformer_embed"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.transformer_embed"].Output, Does.Contain("concatenated"));
            Assert.That(results["a6.seq2seq"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a6.seq2seq"].Output, Does.Contain("previous step's most likely word"));
        });
    }

    /// <summary>The padding counted in the training loss, the gradients not clipped, and an evaluation left in training mode (dropout on).</summary>
    [Test]
    public void A6_training_mutants_are_caught()
    {
        const string PaddingCounted = """
            model.Train();
            var (total, words) = (0.0, 0L);
            foreach (var batch in batches)
            {
                optimizer.ZeroGrad();
                var scores = translate(batch);
                var targets = batch.Target.Narrow(1, 1, batch.Target.Shape[1] - 1);
                var loss = Functional.CrossEntropy(scores.Reshape(-1, scores.Shape[2]), targets.Reshape(-1));
                loss.Backward();
                GradientClipping.ClipGradNorm(model.Parameters(), clip);
                optimizer.Step();
                (total, words) = (total + (loss.Item() * targets.NumEl), words + targets.NumEl);
            }

            return total / words;
            """;
        foreach (var (name, bodies, message) in new[]
        {
            ("a6-padding", new Dictionary<string, string> { ["TranslationTraining.TrainEpoch"] = PaddingCounted }, "the epoch's mean loss per real word"),
            ("a6-unclipped", new Dictionary<string, string> { ["TranslationTraining.TrainEpoch"] = Changed(Training, "TrainEpoch", "GradientClipping.ClipGradNorm(model.Parameters(), clip);", "") }, "unclipped epoch"),
            ("a6-eval-mode", new Dictionary<string, string> { ["TranslationTraining.Evaluate"] = Changed(Training, "Evaluate", "model.Eval();", "") }, "evaluation mode: no dropout"),
        })
        {
            var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant(name, bodies), null, "--assignment", "a6", "--only", "a6.training");
            Assert.That(results["a6.training"].Tag, Is.EqualTo("failed"), name);
            Assert.That(results["a6.training"].Output, Does.Contain(message), name);
        }
    }

    /// <summary>
    /// The experiments: a Seq2Seq whose outputs are multiplied by zero (every word equally likely) never learns and earns
    /// nothing (its perplexity is the vocabulary's size), while a training loop that never steps is replaced by the
    /// reference's, so the Transformer still earns its points.
    /// </summary>
    [Test]
    public void A6_experiments_score_the_model_and_isolate_the_training_loop()
    {
        var detached = HostProcess.Run("experiments run", Implementations.Grader(), Implementations.Variant("a6-exp-detached", new Dictionary<string, string>
        {
            ["Seq2Seq.Forward"] = Changed("A6/Seq2Seq/Seq2Seq.cs", "Forward", "steps.Add(output);", "steps.Add(output * 0.0);"),
            ["TranslationTraining.TrainEpoch"] = Changed(Training, "TrainEpoch", "optimizer.Step();", "_ = optimizer;"),
        }), null, "--quick", "--only", "a6.training", "a6.seq2seq_rnn", "a6.transformer_multi30k").Results;
        Assert.Multiple(() =>
        {
            Assert.That(detached["a6.seq2seq_rnn"].Score, Is.Zero, detached["a6.seq2seq_rnn"].Output);
            Assert.That(detached["a6.seq2seq_rnn"].Output, Does.Contain("Test perplexity").And.Contain("none at 300 or above"));
            Assert.That(detached["a6.transformer_multi30k"].Tag, Is.EqualTo("passed"), detached["a6.transformer_multi30k"].Output);
            Assert.That(detached["a6.transformer_multi30k"].Output, Does.StartWith("graded with the reference's A6/TranslationTraining.cs"));
        });
    }

    /// <summary>
    /// Fairness: correct solutions written differently get full marks: the scale applied to the queries before the product and
    /// the softmax by hand, the cosine similarity from explicit norms, the LSTM's sums in another order, the perplexity
    /// from a masked sum, and an epoch's loss as a sum over real words divided by their count.
    /// </summary>
    [Test]
    public void A6_correct_solutions_written_differently_get_full_marks()
    {
        var variants = Implementations.Variant("a6-fair", new Dictionary<string, string>
        {
            ["AttentionHead.Weights"] = """
                var scores = (Query.Call(inputs) * (1.0 / Math.Sqrt(Key.OutFeatures))).MatMul(Key.Call(inputs).Transpose(1, 2));
                var exponentials = (scores - scores.Max(2, keepDim: true).Values).Exp();
                return exponentials / exponentials.Sum(2, keepDim: true);
                """,
            ["Decoder.ComputeAttention"] = """
                var query = hidden.Transpose(0, 1);
                var dots = (query * encoderOutputs).Sum(2);
                var norms = query.Square().Sum(2).Sqrt() * encoderOutputs.Square().Sum(2).Sqrt();
                return (dots / norms).Softmax(1).Unsqueeze(1);
                """,
            ["NaiveLstm.Forward"] = Changed(Lstm, "Forward", "var i = (x.MatMul(_weightIi) + h.MatMul(_weightHi) + _biasI).Sigmoid();", "var i = (_biasI + h.MatMul(_weightHi) + x.MatMul(_weightIi)).Sigmoid();"),
            ["Perplexity.Compute"] = """
                var real = targets.Ne(SpecialTokens.Padding);
                var picked = logProbabilities.Gather(2, targets.Unsqueeze(2)).Squeeze(2).MaskedFill(real.LogicalNot(), 0.0);
                return (picked.Sum() * (-1.0 / real.Double().Sum().Item())).Exp();
                """,
            ["TranslationTraining.TrainEpoch"] = """
                model.Train();
                var (total, words) = (0.0, 0.0);
                foreach (var batch in batches)
                {
                    optimizer.ZeroGrad();
                    var scores = translate(batch);
                    var targets = batch.Target.Narrow(1, 1, batch.Target.Shape[1] - 1).Reshape(-1);
                    var count = targets.Ne(SpecialTokens.Padding).Double().Sum().Item();
                    var sum = Functional.CrossEntropy(scores.Reshape(-1, scores.Shape[2]), targets, ignoreIndex: SpecialTokens.Padding, reduction: Reduction.Sum);
                    (sum / count).Backward();
                    GradientClipping.ClipGradNorm(model.Parameters(), clip);
                    optimizer.Step();
                    (total, words) = (total + sum.Item(), words + count);
                }

                return total / words;
                """,
        });
        var results = HostProcess.Grade(Implementations.Grader(), variants, null, "--assignment", "a6", "--only",
            "a6.attention_head", "a6.attention_head_hidden", "a6.decoder_attention", "a6.decoder_attention_hidden", "a6.naive_lstm", "a6.naive_lstm_hidden", "a6.perplexity", "a6.training");
        Assert.That(results, Has.Count.EqualTo(8), "every check named ran");
        Assert.Multiple(() =>
        {
            foreach (var (id, result) in results)
            {
                Assert.That(result.Score, Is.EqualTo(result.MaxScore), $"{id}: {result.Output}");
            }
        });
    }

    private static string Changed(string file, string method, string from, string to)
    {
        var body = Implementations.ReferenceBody(file, method);
        Assert.That(body, Does.Contain(from), "the mutant's anchor must be in the reference");
        return body.Replace(from, to, StringComparison.Ordinal);
    }
}
