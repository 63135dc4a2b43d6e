namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>The grader end to end, as a real process: the reference scores 100 %, the starter 0 % (not attempted), and a hostile submission is contained.</summary>
[NonParallelizable]
public sealed class HostileSubmissionTests
{
    /// <summary>Every method hostile in its own way.</summary>
    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["FcForward"] = "while (true) { }",
        ["FcBackward"] = "return FcBackward(dout, cache);",
        ["ReluForward"] = "Environment.Exit(3); return default;",
        ["ReluBackward"] = "throw new InvalidOperationException(\"boom\");",
        ["SoftmaxLoss"] = "return (double.NaN, scores * double.NaN);",
    };

    [Test]
    public void The_reference_scores_full_marks()
    {
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Reference());
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("passed"));
        Assert.That(results.Values.Sum(r => r.Score), Is.EqualTo(results.Values.Sum(r => r.MaxScore)));
    }

    [Test]
    public void The_starter_scores_zero_with_every_check_not_attempted_and_no_traces()
    {
        var bin = Path.Combine(Repository.Root, "starter", "bin", Implementations.Configuration);
        var starter = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "Homework.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (starter is null)
        {
            Assert.Ignore("The starter is not built; build the solution first.");
        }

        var results = HostProcess.Grade(Implementations.Grader(), starter);
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("not-attempted"));
        Assert.That(results.Values.Sum(r => r.Score), Is.Zero);
        Assert.That(results.Values.Select(r => r.Output), Has.None.Contains(" at "), "no stack traces for untouched stubs");
    }

    [Test]
    public void Each_hostile_method_is_contained_and_reported_for_what_it_did()
    {
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("hostile", Hostile));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("timed-out"));
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("stack overflow"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.relu_forward"].Output, Does.Contain("exiting with code 3"));
            Assert.That(results["a1.relu_backward"].Output, Does.StartWith("InvalidOperationException: boom"));
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("NaN"));
            Assert.That(results.Values.Sum(r => r.Score), Is.Zero);
        });
    }

    /// <summary>Seeded bugs (mutants of the reference): each is caught by the check on its member, with the likely bug named.</summary>
    [Test]
    public void Mutants_are_caught_and_the_likely_bug_is_named()
    {
        var mutants = new Dictionary<string, string>
        {
            ["FcForward"] = "return (x.MatMul(w), new FcCache(x, w, b));",
            ["FcBackward"] = "return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), Tensor.OnesLike(dout).Sum(0));",
            ["ReluBackward"] = "return Tensor.Where(cache.Gt(0.0), -dout, Tensor.ZerosLike(dout));",
            ["SoftmaxLoss"] = "var n = scores.Shape[0]; var s = scores - scores.Max(1, keepDim: true).Values; var lp = s - s.Exp().Sum(1, keepDim: true).Log(); return (-lp.Gather(1, y.Unsqueeze(1)).Sum().Item() / n, lp.Exp() - y.OneHot(scores.Shape[1]).To(scores.DType));",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("mutants", mutants));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.fc_backward"].Score, Is.EqualTo(1).Within(1e-9), "dX right, dW and db wrong: one third of 3 points");
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("dw equals the transpose").And.Contain("upstream gradient (dout) is not used"));
            Assert.That(results["a1.relu_backward"].Output, Does.Contain("opposite sign"));
            Assert.That(results["a1.softmax_loss"].Score, Is.EqualTo(1.5).Within(1e-9), "loss right, dX wrong: half of 3 points");
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("1/N) is missing"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("passed"), "unmutated members still pass");
        });
    }

    /// <summary>Resource attacks: allocating without end hits the worker's heap cap; flooding stdout without newlines is timed out while the host's memory stays bounded.</summary>
    [Test]
    public void Memory_and_output_floods_are_contained()
    {
        var floods = new Dictionary<string, string>
        {
            ["FcForward"] = "var hoard = new List<double[]>(); while (true) { hoard.Add(new double[1 << 20]); }",
            ["ReluForward"] = "var junk = new string('x', 1 << 16); while (true) { Console.Out.Write(junk); }",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("floods", floods));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.fc_forward"].Output, Does.Contain("OutOfMemory").Or.Contain("out of memory"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("timed-out"));
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("passed"), "the other checks are still graded");
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("passed"));
        });
    }
}
