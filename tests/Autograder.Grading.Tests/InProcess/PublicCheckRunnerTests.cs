using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Grading.InProcess;
using Autograder.Host.Checks;

namespace Autograder.Grading.Tests.InProcess;

/// <summary>The public checks as in-process tests (what tests/Homework.Tests runs in a student's IDE), here on the reference loaded in this process.</summary>
public sealed class PublicCheckRunnerTests
{
    private static readonly FixtureStore Fixtures = new(Path.Combine(Repository.Root, "grading", "fixtures"));

    public static IEnumerable<string> PublicChecks() =>
        CheckRegistry.All.Where(c => c.Info.Visibility == Visibility.Visible && c is not Experiment).Select(c => c.Info.Id);

    [TestCaseSource(nameof(PublicChecks))]
    public void The_reference_passes_in_process(string id)
    {
        var result = PublicCheckRunner.Run(CheckRegistry.ById[id], Fixtures);
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed), result.Message);
        Assert.That(result.Score, Is.EqualTo(result.Info.Points));
    }

    [Test]
    public void A_hidden_check_cannot_run_in_process()
    {
        var hidden = CheckRegistry.All.First(c => c.Info.Visibility == Visibility.Hidden);
        Assert.That(() => PublicCheckRunner.Run(hidden, Fixtures), Throws.InvalidOperationException.With.Message.Contains("not a public check"));
    }

    [Test]
    public void A_missing_fixture_says_how_to_make_it()
    {
        var empty = new FixtureStore(Path.Combine(Path.GetTempPath(), "autograder-no-fixtures"));
        Assert.That(() => PublicCheckRunner.Run(CheckRegistry.ById["a1.fc_forward"], empty), Throws.InvalidOperationException.With.Message.Contains("fixtures generate"));
    }
}
