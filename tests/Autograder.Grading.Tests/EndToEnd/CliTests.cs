namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>The command line's verbs and its error handling: a user's mistake gets one line saying what to do, never a stack trace.</summary>
public sealed class CliTests
{
    private static (int Code, string Output) Run(params string[] arguments)
    {
        var grader = Implementations.Grader();
        return ChildProcess.Run(grader.FileName, grader.Prefix.Concat(arguments).Concat(["--repo", Repository.Root]));
    }

    [Test]
    public void Data_verify_checks_the_bundled_set_and_names_unknown_sets()
    {
        var (code, output) = Run("data", "verify", "mnist-small");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("All 4 files of mnist-small match"));
        (code, output) = Run("data", "verify", "imagenet");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("'imagenet' is not in the catalogue; known sets: mnist-small").And.Not.Contain(" at System."));
    }

    [Test]
    public void A_missing_implementation_is_reported_in_one_line()
    {
        var (code, output) = Run("check", "--impl", "/no/such/place");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output.Trim(), Does.StartWith("autograder: The implementation '/no/such/place' is not a folder or a Homework.dll"));
    }

    [Test]
    public void Starter_verify_passes_on_the_committed_starter()
    {
        var (code, output) = Run("starter", "verify");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("starter/ matches the reference"));
    }
}
