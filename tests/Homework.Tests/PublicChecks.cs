using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Grading.InProcess;
using Autograder.Host.Checks;

namespace Homework.Tests;

/// <summary>Every public check of the course, one test each, run in-process on your code against the committed fixtures.</summary>
/// <remarks>These are the checks 'dotnet build' runs; here your exceptions reach the debugger. Hidden checks and experiments run only in the grader.</remarks>
public sealed class PublicChecks
{
    private static readonly FixtureStore Fixtures = new(Path.Combine(RepositoryRoot(), "grading", "fixtures"));

    /// <summary>The ids of the public checks, in the score table's order.</summary>
    public static IEnumerable<TestCaseData> Checks() =>
        CheckRegistry.All.Where(c => c.Info.Visibility == Visibility.Visible && c is not Experiment)
            .Select(c => new TestCaseData(c.Info.Id).SetName($"{c.Info.Id}: {c.Info.Title}").SetCategory(c.Info.Assignment));

    [TestCaseSource(nameof(Checks))]
    public void Check(string id)
    {
        var result = PublicCheckRunner.Run(CheckRegistry.ById[id], Fixtures);
        switch (result.Outcome)
        {
            case Outcome.NotAttempted:
                Assert.Ignore(result.Message);
                break;
            case Outcome.Passed:
                Assert.Pass(result.Message.Length > 0 ? result.Message : $"{result.Score:0.##} / {result.Info.Points:0.##} points");
                break;
            default:
                Assert.Fail($"{result.Score:0.##} / {result.Info.Points:0.##} points. {result.Message}\nAt: {string.Join(", ", result.Info.Targets)}");
                break;
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Autograder.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Autograder.sln was not found above the test folder: run the tests inside the course repository.");
    }
}
