using System.CommandLine;
using Autograder.Host.Mutation;

namespace Autograder.Host.Commands;

/// <summary><c>autograder mutants</c>: grade the mutants that survived Stryker's run of the public checks with every check, and write the assignment's mutation score.</summary>
internal static class MutantCommands
{
    public static Command Create(Option<string?> repository, GraderOptions options)
    {
        var report = new Option<string>("--report") { Description = "Stryker's JSON report of the assignment (StrykerOutput/…/reports/mutation-report.json).", Required = true };
        var assignment = new Option<string>("--assignment") { Description = "The assignment Stryker mutated (a1, a2, …).", Required = true };
        var equivalents = new Option<string?>("--equivalents") { Description = "The reviewed list of equivalent mutants (default: stryker/equivalent-mutants.tsv)." };
        var output = new Option<string?>("--out") { Description = "Where to write the Markdown summary (default: stryker/results/aN.md)." };
        var complete = new Option<bool>("--complete") { Description = "Say in the summary that Stryker ran at its Complete mutation level (stryker/measure.sh aN complete)." };
        var command = new Command("mutants", "Grade the mutants of the reference that survived the public checks (a Stryker.NET report) with every check, public and hidden, and write the mutation score (course staff; README, \"Measuring the checks\").")
        {
            report, assignment, equivalents, output, complete,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var name = parse.GetValue(assignment)!.Trim().ToLowerInvariant();
            var folder = name.ToUpperInvariant() + "/";
            var mutants = StrykerReport.Load(parse.GetValue(report)!, paths.Reference).Where(m => m.File.StartsWith(folder, StringComparison.Ordinal)).ToList();
            if (!mutants.Any(m => m.Tested))
            {
                throw new InvalidDataException($"The report holds no tested mutant under reference/{folder}: was it made with stryker/{name.ToUpperInvariant()}.json?");
            }

            var list = EquivalentMutants.Load(parse.GetValue(equivalents) ?? Path.Combine(paths.Root, "stryker", "equivalent-mutants.tsv"));
            var verdicts = new MutantGrading(paths, options) { Log = Console.WriteLine }.Grade(name, mutants, list, cancellationToken);
            var sources = mutants.Select(m => m.File).Distinct().ToDictionary(f => f, f => File.ReadAllText(Path.Combine(paths.Reference, f)));
            var destination = parse.GetValue(output) ?? Path.Combine(paths.Root, "stryker", "results", name + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
            File.WriteAllText(destination, MutationSummary.Format(name, verdicts, sources, parse.GetValue(complete)));
            var survivors = verdicts.Where(v => v.Fate == MutantFate.Survived).ToList();
            Console.WriteLine($"{name}: public checks {MutationSummary.Score(verdicts, false):0.0} %, every check {MutationSummary.Score(verdicts, true):0.0} %; {survivors.Count} survivor(s). Wrote {destination}.");
            if (survivors.Count > 0)
            {
                Console.WriteLine("Kill each survivor with a better check, or, when no correct check can, add it to the equivalent list with a reason:");
                foreach (var survivor in survivors)
                {
                    Console.WriteLine(EquivalentMutants.Entry(survivor.Mutant, sources[survivor.Mutant.File], "REASON"));
                }
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
