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
}
