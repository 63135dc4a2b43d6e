using System.CommandLine;
using Autograder.Host.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// The 'autograder' command line: configuration from appsettings.json, AUTOGRADER_* variables and arguments
// (generic host), verbs parsed by System.CommandLine; Ctrl+C cancels the running verb.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("AUTOGRADER_");
using var host = builder.Build();

var repository = new Option<string?>("--repo") { Description = "The course repository (default: the nearest folder above the current one with Autograder.sln).", Recursive = true };
var root = new RootCommand("Autograder: grade deep-learning homework written in C#.");
root.Options.Add(repository);
root.Subcommands.Add(CheckCommands.Create(repository));
root.Subcommands.Add(CheckCommands.CreateGrade(repository));
root.Subcommands.Add(CheckCommands.CreateExperiments(repository));
root.Subcommands.Add(DataCommands.Create(repository));
root.Subcommands.Add(FixtureCommands.Create(repository));
root.Subcommands.Add(StarterCommands.Create(repository));
root.Subcommands.Add(ReleaseCommands.Create(repository));
root.Subcommands.Add(WorkerCommands.Create());

try
{
    // Errors the user can act on are printed as one line below, not as a stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or FormatException or KeyNotFoundException or IOException or HttpRequestException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"autograder: {e.Message}").ConfigureAwait(false);
    return 2;
}
