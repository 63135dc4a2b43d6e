using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>The convolution layer's forward output and its three gradients (an upstream gradient of ones too, to recognise an ignored dY).</summary>
internal sealed class ConvLayerCheck() : A2Check("a2.conv_layer", "ConvLayer: forward Y, backward dX, dK, db", 4,
    "Homework.A2.ConvLayer.Forward", "Homework.A2.ConvLayer.Backward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    protected override IReadOnlyList<Substitution> Substitutes => [ConvolutionFile];

    public override Observation Probe(ProbeContext context)
    {
        var (x, k, b) = (context.Randn(2, 3, 6, 5), context.Randn(4, 3, 3, 2), context.Randn(4));
        var (output, cache) = ConvLayer.Forward(x, k, b);
        var dout = context.Randn(2, 4, 4, 4);
        var (dx, dk, db) = ConvLayer.Backward(dout, cache);
        var (dxOnes, dkOnes, dbOnes) = ConvLayer.Backward(dout * 0.0 + 1.0, cache);
        return new Observation { ["y"] = output, ["dx"] = dx, ["dk"] = dk, ["db"] = db, ["dx_ones"] = dxOnes, ["dk_ones"] = dkOnes, ["db_ones"] = dbOnes };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard().Value("Y", student["y"], expected["y"]);
        foreach (var name in new[] { "dx", "dk", "db" })
        {
            card.Gradient(name, student[name], expected[name], ignoringUpstream: expected[name + "_ones"]);
        }

        return card.Verdict;
    }
}
