using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A1;

namespace Autograder.Host.Checks.A1;

/// <summary>FcBackward returns dX, dW and db; a third of the points each.</summary>
internal sealed class FcBackwardCheck() : A1Check("a1.fc_backward", "FcBackward returns dX, dW, db", 3, "Homework.A1.Layers.FcBackward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    private static readonly string[] Gradients = ["dx", "dw", "db"];

    public override Observation Probe(ProbeContext context)
    {
        var (x, w, b) = (context.Randn(6, 4), context.Randn(4, 3), context.Randn(3));
        var dout = context.Randn(6, 3);

        // The reference's own cache: FcBackward is graded even when the student's FcForward is wrong.
        var (dx, dw, db) = Layers.FcBackward(dout, new FcCache(x, w, b));

        // Also with an upstream gradient of ones: the reference's values let the judge recognise an ignored dout.
        var (dxOnes, dwOnes, dbOnes) = Layers.FcBackward(dout * 0.0 + 1.0, new FcCache(x, w, b));
        return new Observation { ["dx"] = dx, ["dw"] = dw, ["db"] = db, ["dx_ones"] = dxOnes, ["dw_ones"] = dwOnes, ["db_ones"] = dbOnes };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var problems = Gradients.Select(n => Compare.Gradient(n, student[n], expected[n], ignoringUpstream: expected[n + "_ones"])).OfType<string>().ToList();
        return new Verdict((3 - problems.Count) / 3.0, string.Join(" ", problems));
    }
}
