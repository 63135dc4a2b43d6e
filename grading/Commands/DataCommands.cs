using System.CommandLine;
using Autograder.Data.Catalog;
using Spectre.Console;

namespace Autograder.Host.Commands;

/// <summary><c>autograder data list|fetch|verify</c>: the course's data sets, where they are, and getting them.</summary>
internal static class DataCommands
{
    public static Command Create(Option<string?> repository)
    {
        var list = new Command("list", "List the catalogued data sets and where each is found.");
        list.SetAction(parse =>
        {
            var (catalog, locator) = Open(parse.GetValue(repository));
            var table = new Table().RoundedBorder().AddColumns("Set", "Used by", "Files", "Size", "Found at");
            foreach (var set in catalog.Sets)
            {
                var folder = locator.TryFind(set.Name, [.. set.Files.Select(f => f.Name)]);
                table.AddRow(set.Name, string.Join(", ", set.Assignments), set.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{set.Files.Sum(f => f.Bytes) / 1e6:0.0} MB", folder is null ? "[yellow]missing[/]" : Markup.Escape(folder));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var name = new Argument<string>("set") { Description = "The data set's name (see 'data list')." };
        var fetch = new Command("fetch", $"Download a data set into the cache (verified by SHA-256; resumes; {DatasetDownloader.MirrorVariable} stands in for the internet).");
        fetch.Arguments.Add(name);
        fetch.SetAction(async (parse, cancellationToken) =>
        {
            var (catalog, _) = Open(parse.GetValue(repository));
            using var http = new HttpClient();
            var folder = await DatasetDownloader.CreateDefault(http).FetchAsync(catalog[parse.GetValue(name)!], cancellationToken: cancellationToken).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(parse.GetValue(name)!)}[/] is in {Markup.Escape(folder)}.");
            return 0;
        });

        var verify = new Command("verify", "Check the SHA-256 of every file of a data set where it is found; exit 1 on any problem.");
        verify.Arguments.Add(name);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var (catalog, locator) = Open(parse.GetValue(repository));
            var set = catalog[parse.GetValue(name)!];
            var folder = locator.Find(set.Name);
            var problems = await DatasetDownloader.VerifyAsync(set, folder, cancellationToken).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            }

            AnsiConsole.MarkupLine(problems.Count == 0 ? $"[green]All {set.Files.Count} files of {Markup.Escape(set.Name)} match[/] ({Markup.Escape(folder)})." : "Fetch the set again: autograder data fetch " + Markup.Escape(set.Name));
            return problems.Count == 0 ? 0 : 1;
        });

        var data = new Command("data", "The course's data sets: catalogue, download, verification.");
        data.Subcommands.Add(list);
        data.Subcommands.Add(fetch);
        data.Subcommands.Add(verify);
        return data;
    }

    private static (DatasetCatalog Catalog, DataLocator Locator) Open(string? repository)
    {
        var paths = RepositoryPaths.From(repository);
        return (DatasetCatalog.Load(Path.Combine(paths.Root, "data", "datasets.json")), DataLocator.ForRepository(paths.Root));
    }
}
