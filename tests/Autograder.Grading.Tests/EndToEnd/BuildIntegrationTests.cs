namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>'dotnet build' grades a homework project: a score line, and warnings at the student's methods.</summary>
[NonParallelizable]
public sealed class BuildIntegrationTests
{
    private static readonly Dictionary<string, string> Bugs = new()
    {
        ["FcForward"] = "return (x.MatMul(w), new FcCache(x, w, b));",
        ["ReluBackward"] = "throw new InvalidOperationException(\"boom\");",
    };

    [Test]
    public void Build_prints_the_score_and_diagnostics_at_the_methods_and_skips_an_unchanged_build()
    {
        Implementations.Grader();
        var (_, log) = Implementations.VariantBuild("build-warnings", Bugs, autograde: true);
        Assert.That(log, Does.Contain("Autograder: "));
        Assert.That(log, Does.Match(@"Layers\.cs\(\d+,\d+\): warning AG1\d\d: a1\.fc_forward"));
        Assert.That(log, Does.Match(@"Layers\.cs\(\d+,\d+\): warning AG2\d\d: a1\.relu_backward \(0/1\): InvalidOperationException: boom"));
        var root = Path.Combine(Path.GetTempPath(), "autograder-variants", "build-warnings");
        var again = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["build", root, "-c", Implementations.Configuration, "-nologo"]) { RedirectStandardOutput = true })!;
        var second = again.StandardOutput.ReadToEnd();
        again.WaitForExit();
        Assert.That(second, Does.Not.Contain("Autograder: "), "an unchanged build does not grade again");
    }

    [Test]
    public void Fail_on_error_turns_failing_checks_into_build_errors()
    {
        Implementations.Grader();
        var (_, log) = Implementations.VariantBuild("build-errors", Bugs, autograde: true, "AutogradeFailOnError=true");
        Assert.That(log, Does.Match(@"Layers\.cs\(\d+,\d+\): error AG1\d\d: a1\.fc_forward"));
        Assert.That(log, Does.Contain("Build FAILED").Or.Contain("error(s)").IgnoreCase);
    }
}
