using Autograder.Grading.Checks;
using Autograder.Host.Checks.Support;

namespace Autograder.Host.Checks.A4.Hidden;

/// <summary>Finetune and Freeze for a per-student number of classes and backbone weights (hidden): a solution that fixes the class count or the layer's size fails; half the points each.</summary>
internal sealed class TransferLearningHiddenCheck() : A4Check("a4.transfer_hidden", "Finetune and Freeze for an unseen number of classes", 1, Visibility.Hidden,
    "Homework.A4.TransferLearning.Finetune", "Homework.A4.TransferLearning.Freeze")
{
    public override Observation Probe(ProbeContext context)
    {
        var classes = (int)context.Randint(4, 11, 1).Item<long>();
        return CheckParts.Probe(isolateFailures: true, ("finetune_", () => FinetuneCheck.Run(context, classes)), ("freeze_", () => FreezeCheck.Run(context, classes)));
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var finetune = CheckParts.Score(student, expected, "finetune_", "Finetune", FinetuneCheck.Score);
        var freeze = CheckParts.Score(student, expected, "freeze_", "Freeze", FreezeCheck.Score);
        return new Verdict((finetune.Fraction + freeze.Fraction) / 2, $"{finetune.Message} {freeze.Message}".Trim());
    }
}
