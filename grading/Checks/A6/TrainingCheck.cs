using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Autograder.Tensors.Optim;
using Homework.A6;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// TrainEpoch and Evaluate on a small stand-in translator (dropout included) and two padded batches: the epoch's mean loss
/// per real word and the weights after it (SGD; gradients clipped, which an unclipped epoch shows), the training mode; the
/// evaluation loss in evaluation mode without changing the weights, and the mode restored.
/// </summary>
internal sealed class TrainingCheck() : A6Check("a6.training", "TranslationTraining: padding ignored, gradients clipped, loss per real word, evaluation", 1.5,
    "Homework.A6.TranslationTraining.TrainEpoch", "Homework.A6.TranslationTraining.Evaluate")
{
    private const int N = 3, T = 6, SourceVocabulary = 9, TargetVocabulary = 7, Dim = 4;
    private const double Clip = 0.05;

    public override Observation Probe(ProbeContext context)
    {
        var batches = new[] { Batch(context), Batch(context) };
        var observation = new Observation();
        var model = Epoch(context, batches, Clip, observation, "after_");
        observation.Set("train_mode", model.Training ? 1 : 0);
        Epoch(context, batches, 1e9, observation, "unclipped_");

        model.Train();
        var before = model.StateDict().ToDictionary(p => p.Key, p => p.Value.Clone());
        observation.Set("eval_loss", TranslationTraining.Evaluate(model, model.Translate, batches));
        observation.Set("eval_mode_restored", model.Training ? 1 : 0);
        observation.Set("eval_weights_unchanged", model.StateDict().All(p => p.Value.AllClose(before[p.Key], 0)) ? 1 : 0);
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard().Value("the epoch's mean loss per real word", student["loss"], expected["loss"]);
        var weights = expected.Names.Where(n => n.StartsWith("after_", StringComparison.Ordinal)).ToList();
        var unclipped = weights.All(n => student[n].AllClose(expected["unclipped_" + n[6..]], 1e-9));
        card.Property(!unclipped, "The weights after the epoch are those of an unclipped epoch: call GradientClipping.ClipGradNorm(model.Parameters(), clip) between Backward and Step.", weight: 0.5);
        if (!unclipped)
        {
            var wrong = weights.Where(n => !student[n].AllClose(expected[n], 1e-7)).Select(n => n[6..]).ToList();
            card.Property(wrong.Count == 0, $"The weights after one epoch differ from the reference's for {string.Join(", ", wrong)}: per batch ZeroGrad, the loss, Backward, clip, Step, in that order, padding ignored.");
        }

        return card.Property(student["train_mode"].Item() == 1, "TrainEpoch must put the model in training mode (model.Train()).", weight: 0.25)
            .Value("Evaluate's mean loss per real word (evaluation mode: no dropout)", student["eval_loss"], expected["eval_loss"])
            .Property(student["eval_mode_restored"].Item() == 1, "Evaluate must return the model to the mode it was in.", weight: 0.25)
            .Property(student["eval_weights_unchanged"].Item() == 1, "Evaluate changed the weights: it must not train.", weight: 0.25)
            .Verdict;
    }

    /// <summary>Trains a fresh stand-in for one epoch of SGD (learning rate 0.5, the given clip) and records its loss and weights under <paramref name="prefix"/>.</summary>
    private static ProbeTranslator Epoch(ProbeContext context, TranslationBatch[] batches, double clip, Observation observation, string prefix)
    {
        var model = new ProbeTranslator(SourceVocabulary, TargetVocabulary, Dim, context.Seed);
        model.Eval();
        var loss = TranslationTraining.TrainEpoch(model, model.Translate, new SGD(model.Parameters(), lr: 0.5), batches, clip);
        if (prefix == "after_")
        {
            observation.Set("loss", loss);
        }

        foreach (var (name, parameter) in model.NamedParameters())
        {
            observation[prefix + name] = parameter;
        }

        return model;
    }

    /// <summary>A batch of <c>&lt;sos&gt;</c>-first pairs; the targets end early with <c>&lt;eos&gt;</c> and padding (the last one after two words).</summary>
    private static TranslationBatch Batch(ProbeContext context)
    {
        var source = context.Randint(4, SourceVocabulary, N, T);
        var target = new long[N * T];
        for (var i = 0; i < N; i++)
        {
            var length = i == N - 1 ? 3 : (int)context.Generator.NextInt64(3, T + 1);
            for (var t = 0; t < T; t++)
            {
                target[(i * T) + t] = t == 0 ? SpecialTokens.Start : t < length - 1 ? context.Generator.NextInt64(4, TargetVocabulary) : t == length - 1 ? SpecialTokens.End : SpecialTokens.Padding;
            }
        }

        return new TranslationBatch(source, Tensor.FromArray(target, N, T));
    }
}
