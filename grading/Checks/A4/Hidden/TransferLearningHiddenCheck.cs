using System.Runtime.ExceptionServices;
using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A4.Hidden;

/// <summary>Finetune and Freeze for a per-student number of classes and backbone weights (hidden): a solution that fixes the class count or the layer's size fails; half the points each.</summary>
internal sealed class TransferLearningHiddenCheck() : A4Check("a4.transfer_hidden", "Finetune and Freeze for an unseen number of classes", 1, Visibility.Hidden,
    "Homework.A4.TransferLearning.Finetune", "Homework.A4.TransferLearning.Freeze")
{
    public override Observation Probe(ProbeContext context)
    {
        var classes = (int)context.Randint(4, 11, 1).Item<long>();
        var observation = new Observation();
        var missing = new List<NotImplementedException>();
        foreach (var (prefix, run) in new (string, Func<ProbeContext, int, Observation>)[] { ("finetune_", FinetuneCheck.Run), ("freeze_", FreezeCheck.Run) })
        {
            try
            {
                var part = run(context, classes);
                foreach (var name in part.Names)
                {
                    observation[prefix + name] = part[name];
                }
            }
            catch (NotImplementedException e)
            {
                missing.Add(e);
            }
        }

        if (missing.Count == 2)
        {
            ExceptionDispatchInfo.Throw(missing[0]);
        }

        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var finetune = Part(student, expected, "finetune_", "Finetune", FinetuneCheck.Score);
        var freeze = Part(student, expected, "freeze_", "Freeze", FreezeCheck.Score);
        return new Verdict((finetune.Fraction + freeze.Fraction) / 2, $"{finetune.Message} {freeze.Message}".Trim());
    }

    private static Verdict Part(Observation student, Observation expected, string prefix, string what, Func<Observation, Observation, Verdict> score)
    {
        if (!student.Names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return Verdict.Fail($"{what}: not implemented.");
        }

        Observation Slice(Observation o) => o.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Aggregate(new Observation(), (r, n) =>
        {
            r[n[prefix.Length..]] = o[n];
            return r;
        });
        var verdict = score(Slice(student), Slice(expected));
        return verdict.Message.Length > 0 ? verdict with { Message = $"{what}: {verdict.Message}" } : verdict;
    }
}
