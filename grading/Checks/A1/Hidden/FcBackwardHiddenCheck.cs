using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>FcBackward on per-student shapes and values (hidden): answers cannot be hard-coded from the public check.</summary>
internal sealed class FcBackwardHiddenCheck() : A1Check("a1.fc_backward_hidden", "FcBackward on unseen shapes", 2, Visibility.Hidden, "Homework.A1.Layers.FcBackward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly string[] Gradients = ["dx", "dw", "db"];

    public override Observation Probe(ProbeContext context)
    {
        var (n, d, m) = ((int)context.Generator.NextInt64(2, 9), (int)context.Generator.NextInt64(2, 9), (int)context.Generator.NextInt64(2, 9));
        var (x, w, b) = (context.Randn(n, d), context.Randn(d, m), context.Randn(m));
        var (dx, dw, db) = Layers.FcBackward(context.Randn(n, m), new FcCache(x, w, b));
        return new Observation { ["dx"] = dx, ["dw"] = dw, ["db"] = db };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var problems = Gradients.Select(g => Compare.Gradient(g, student[g], expected[g])).OfType<string>().ToList();
        return new Verdict((3 - problems.Count) / 3.0, string.Join(" ", problems));
    }
}
