namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>What a submission cannot do: change its grade between runs, or pass a hidden check by copying public answers.</summary>
[NonParallelizable]
public sealed class IntegrityTests
{
    [Test]
    public void The_same_submission_graded_twice_gets_identical_results()
    {
        var student = Implementations.Variant("twice", new Dictionary<string, string> { ["FcForward"] = "return (x.MatMul(w), new FcCache(x, w, b));" });
        var first = HostProcess.Grade(Implementations.Grader(), student, null, "--student-id", "s1");
        var second = HostProcess.Grade(Implementations.Grader(), student, null, "--student-id", "s1");
        Assert.That(second.Values, Is.EqualTo(first.Values).AsCollection);
    }

    [Test]
    public void Answers_copied_from_the_public_fixtures_do_not_pass_the_hidden_check()
    {
        // FcBackward returns the stored public answers instead of computing anything.
        var copied = """
            var stored = Autograder.Tensors.IO.Npz.Read(System.IO.Path.Combine(FIXTURES, "a1.fc_backward.npz"));
            return (stored["dx"], stored["dw"], stored["db"]);
            """.Replace("FIXTURES", $"\"{Path.Combine(Repository.Root, "grading", "fixtures")}\"", StringComparison.Ordinal);
        // Unconfined (--no-sandbox), so the fixtures can be read at all: in the sandbox they are out of sight (SandboxTests).
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("copier", new Dictionary<string, string> { ["FcBackward"] = copied }), null, "--student-id", "s2", "--no-sandbox");
        Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("passed"), "public checks are public: their inputs and answers are known by design");
        Assert.That(results["a1.fc_backward_hidden"].Tag, Is.Not.EqualTo("passed"), "hidden inputs differ per student, so copied answers fail");
    }
}
