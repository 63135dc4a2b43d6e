using System.CommandLine;
using Autograder.Grading.Experiments;
using Autograder.Reports.Rendering;
using Autograder.Reports.Results;

namespace Autograder.Host.Commands;

/// <summary><c>report</c>: renders an assignment's write-up (Markdown and self-contained HTML) from its template or a student's write-up, filled with measured results.</summary>
internal static class ReportCommands
{
    public static Command Create(Option<string?> repository, GraderOptions options)
    {
        var assignment = new Option<string>("--assignment") { Description = "The assignment (a1, a2, …).", Required = true };
        var implementation = new Option<string>("--impl") { Description = "What to grade when the results are run now: reference, starter, a student's folder or a Homework.dll.", DefaultValueFactory = _ => "reference" };
        var output = new Option<string>("--out") { Description = "Where to write ASSIGNMENT.md, ASSIGNMENT.html and ASSIGNMENT_files/.", DefaultValueFactory = _ => Path.Combine("reports", "out") };
        var saved = new Option<string?>("--results") { Description = "Read saved results from this folder (what 'grade --out DIR' wrote) instead of running the checks and experiments now." };
        var quick = new Option<bool>("--quick") { Description = "When running now: experiments on the bundled data subsets with fewer epochs." };
        var writeup = new Option<string?>("--writeup") { Description = "A student's own Markdown write-up: rendered with their results, and their measured results added for experiments it does not mention." };
        var template = new Option<string?>("--template") { Description = "The template to render (default: reports/templates/ASSIGNMENT.md)." };
        var studentId = new Option<string?>("--student-id") { Description = "When running now: the student's id, for the hidden checks' inputs." };
        var strict = new Option<bool>("--strict") { Description = "Exit with code 1 when a placeholder could not be filled (a result not run, a mistake in the template)." };
        var command = new Command("report", "Write an assignment's report as Markdown and self-contained HTML: derivations, numbers, curves, tables and images from the results.")
        {
            assignment, implementation, output, saved, quick, writeup, template, studentId, strict,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.From(parse.GetValue(repository));
            var name = parse.GetValue(assignment)!.Trim().ToLowerInvariant();
            var checks = GradingRun.OfAssignment(name);
            var studentWriteup = parse.GetValue(writeup);
            var source = studentWriteup ?? parse.GetValue(template) ?? Path.Combine(paths.Root, "reports", "templates", name + ".md");
            if (!File.Exists(source))
            {
                throw new FileNotFoundException(studentWriteup is null && parse.GetValue(template) is null
                    ? $"There is no report template for {name} at {source}. Pass --template PATH, or --writeup PATH for a student's write-up."
                    : $"{source} does not exist.");
            }

            var outputFolder = Path.GetFullPath(parse.GetValue(output)!);
            var results = LoadOrRun(parse.GetValue(saved), outputFolder, name, checks, parse.GetValue(implementation)!, parse.GetValue(quick), parse.GetValue(studentId), paths, options, cancellationToken);
            var report = Write(source, results, outputFolder, name, checks, studentWriteup is not null);
            return Task.FromResult(parse.GetValue(strict) && report.Problems.Count > 0 ? 1 : 0);
        });
        return command;
    }

    /// <summary>Reads saved results, or grades the assignment now and saves them under OUT/ASSIGNMENT-results; says which it does.</summary>
    private static ResultSet LoadOrRun(
        string? saved, string outputFolder, string assignment, List<Grading.Checks.Check> checks, string implementation, bool quick, string? studentId,
        RepositoryPaths paths, GraderOptions options, CancellationToken cancellationToken)
    {
        if (saved is not null)
        {
            if (!Directory.Exists(saved))
            {
                throw new DirectoryNotFoundException($"No saved results at {saved}. Write them with 'autograder grade --assignment {assignment} --out {saved}', or leave out --results to run the checks and experiments now.");
            }

            Console.WriteLine($"Reading saved results from {Path.GetFullPath(saved)} (nothing is run).");
            return ResultSet.Load(saved);
        }

        var folder = Path.Combine(outputFolder, assignment + "-results");
        var experiments = checks.Count(c => c is Experiment);
        Console.WriteLine($"Running {assignment}'s {checks.Count - experiments} checks and {experiments} experiments on {implementation}{(quick ? " (quick: bundled data subsets)" : "")}; results go to {folder}.");
        if (Directory.Exists(Path.Combine(folder, "experiments")))
        {
            Directory.Delete(Path.Combine(folder, "experiments"), recursive: true); // results of an earlier run must not stand in for this one's
        }

        var outcome = GradingRun.Execute(new GradingRequest(paths, implementation, checks, quick, null, studentId, Plain: Console.IsOutputRedirected), options, cancellationToken);
        ScoreTable.Write(outcome.Results);
        GradingRun.Write(folder, outcome);
        return ResultSet.Load(folder);
    }

    /// <summary>Renders and writes OUT/ASSIGNMENT.md, OUT/ASSIGNMENT.html and OUT/ASSIGNMENT_files/, printing where and what could not be filled.</summary>
    public static RenderedReport Write(string source, ResultSet results, string outputFolder, string assignment, List<Grading.Checks.Check> checks, bool isWriteup)
    {
        var report = Render(File.ReadAllText(source), source, results, outputFolder, assignment, checks, isWriteup);
        Directory.CreateDirectory(outputFolder);
        var markdownPath = Path.Combine(outputFolder, assignment + ".md");
        var htmlPath = Path.Combine(outputFolder, assignment + ".html");
        File.WriteAllText(markdownPath, report.Markdown);
        File.WriteAllText(htmlPath, report.Html);
        Console.WriteLine($"Wrote {markdownPath} (figures in {assignment}_files/) and {htmlPath}.");
        foreach (var problem in report.Problems)
        {
            Console.Error.WriteLine($"  {problem}");
        }

        if (report.Problems.Count > 0)
        {
            Console.Error.WriteLine($"{report.Problems.Count} placeholder(s) could not be filled; they are marked in the report.");
        }

        return report;
    }

    /// <summary>The template of an assignment, or null when it has none.</summary>
    public static string? Template(RepositoryPaths paths, string assignment)
    {
        var path = Path.Combine(paths.Root, "reports", "templates", assignment + ".md");
        return File.Exists(path) ? path : null;
    }

    /// <summary>Renders the document; experiments it does not mention (and, for a write-up without one, the score table) are added at the end.</summary>
    private static RenderedReport Render(string text, string source, ResultSet results, string outputFolder, string assignment, List<Grading.Checks.Check> checks, bool isWriteup)
    {
        var assets = Path.Combine(outputFolder, assignment + "_files");
        if (Directory.Exists(assets))
        {
            Directory.Delete(assets, recursive: true); // figures of an earlier render must not linger
        }

        var options = new ReportOptions
        {
            SourceDirectory = Path.GetDirectoryName(Path.GetFullPath(source)),
            AssetsFolder = assets,
            AssetsLink = assignment + "_files",
            Subtitle = Subtitle(results),
        };
        var report = ReportRenderer.Render(text, results, options);
        var experiments = checks.Where(c => c is Experiment).Select(c => c.Info.Id).ToList();
        var unmentioned = experiments.Where(id => !report.Referenced.Contains(id)).ToList();
        var scores = isWriteup && !text.Contains("{{ scores", StringComparison.Ordinal) ? assignment : null;
        if (unmentioned.Count == 0 && scores is null)
        {
            return report;
        }

        return ReportRenderer.Render(text + ResultsAppendix.Markdown(unmentioned, results, scores), results, options);
    }

    private static string Subtitle(ResultSet results)
    {
        var implementations = results.Experiments.Values.Select(e => e.Implementation).Where(i => i.Length > 0).Distinct().ToList();
        return implementations.Count == 0 ? "" : $"Results of: {string.Join(", ", implementations)}.";
    }
}
