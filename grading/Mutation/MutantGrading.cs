using Autograder.Grading.Checks;
using Autograder.Grading.Experiments;
using Autograder.Host.Commands;

namespace Autograder.Host.Mutation;

/// <summary>
/// Grades the mutants that survived Stryker's run of the public checks with every check of their assignment, public and
/// hidden, through the real grader (a worker per probe, the reference live for the hidden inputs), on a mutated copy of
/// the reference. A mutant the public checks killed is killed in grading too: the grader runs the same checks on the same
/// fixtures.
/// </summary>
/// <param name="paths">The course repository (its reference/ is copied, never changed).</param>
/// <param name="options">The grader's settings.</param>
internal sealed class MutantGrading(RepositoryPaths paths, GraderOptions options)
{
    private readonly GraderOptions _options = options with { HiddenSeedSecret = StudentId };

    /// <summary>The student id whose hidden inputs the mutants are graded on.</summary>
    public const string StudentId = "mutation-testing";

    /// <summary>Gets or sets what is told as each mutant is graded.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>The fate of every tested mutant in <paramref name="mutants"/>, grading those that survived the public checks.</summary>
    /// <param name="assignment">The assignment (<c>a1</c>): its checks, without the experiments.</param>
    /// <param name="mutants">Stryker's mutants of that assignment's files.</param>
    /// <param name="equivalents">The reviewed equivalent mutants, not graded.</param>
    /// <param name="cancellationToken">Stops between mutants.</param>
    public IReadOnlyList<MutantVerdict> Grade(string assignment, IReadOnlyList<StrykerMutant> mutants, EquivalentMutants equivalents, CancellationToken cancellationToken)
    {
        var checks = GradingRun.OfAssignment(assignment).Where(c => c is not Experiment).ToList();
        var copy = Directory.CreateTempSubdirectory("autograder-mutant-");
        try
        {
            CopySources(paths.Reference, copy.FullName);
            var baseline = Run(copy.FullName, checks, cancellationToken);
            if (baseline.Results.FirstOrDefault(r => r.Outcome != Outcome.Passed) is { } broken)
            {
                throw new InvalidOperationException($"The unmutated reference does not pass {broken.Info.Id} ({broken.Message}); mutants cannot be measured against a failing reference. Fix it first (autograder check --impl reference).");
            }

            var verdicts = new List<MutantVerdict>();
            foreach (var mutant in mutants.Where(m => m.Tested))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = File.ReadAllText(Path.Combine(paths.Reference, mutant.File));
                verdicts.Add(Judge(mutant, source, copy.FullName, checks, equivalents, cancellationToken));
                File.WriteAllText(Path.Combine(copy.FullName, mutant.File), source);
            }

            return verdicts;
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private MutantVerdict Judge(StrykerMutant mutant, string source, string copy, List<Check> checks, EquivalentMutants equivalents, CancellationToken cancellationToken)
    {
        if (!mutant.InSolutionRegion(source))
        {
            return new MutantVerdict(mutant, MutantFate.GivenCode, mutant.Status);
        }

        if (mutant.KilledByPublicChecks)
        {
            return new MutantVerdict(mutant, MutantFate.KilledByPublicChecks, mutant.Status);
        }

        if (equivalents.ReasonFor(mutant, source) is { } reason)
        {
            return new MutantVerdict(mutant, MutantFate.Equivalent, reason);
        }

        File.WriteAllText(Path.Combine(copy, mutant.File), mutant.ApplyTo(source));
        Log?.Invoke($"grading {mutant}");
        var outcome = Run(copy, checks, cancellationToken);
        if (outcome.Student.Homework is null)
        {
            return new MutantVerdict(mutant, MutantFate.CompileError, string.Join(" ", outcome.Student.CompileErrors.Take(1)));
        }

        var failed = outcome.Results.Where(r => r.Outcome != Outcome.Passed).Select(r => r.Info.Id).ToList();
        return failed.Count > 0
            ? new MutantVerdict(mutant, MutantFate.KilledByHiddenChecks, string.Join(", ", failed))
            : new MutantVerdict(mutant, MutantFate.Survived, mutant.Line(source));
    }

    /// <summary>Grades a folder unconfined (the reference's mutants are our own code), with a fixed hidden-seed secret so the committed summaries are reproducible.</summary>
    private GradingOutcome Run(string folder, List<Check> checks, CancellationToken cancellationToken) =>
        GradingRun.Execute(new GradingRequest(paths, folder, checks, Quick: true, Seed: null, StudentId, Plain: true) { NoSandbox = true }, _options, cancellationToken);

    /// <summary>Copies the reference's sources (not bin/ or obj/) to <paramref name="target"/>.</summary>
    private static void CopySources(string reference, string target)
    {
        foreach (var path in Directory.EnumerateFiles(reference, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(reference, path);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or "StrykerOutput")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(path, destination);
        }
    }
}
