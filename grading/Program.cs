using System.CommandLine;
using System.Runtime.InteropServices;
using Autograder.Host;
using Autograder.Host.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// The 'autograder' command line: configuration from appsettings.json, AUTOGRADER_* variables and arguments
// (generic host), verbs parsed by System.CommandLine; Ctrl+C cancels the running verb.
ConsoleOutput.Configure();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("AUTOGRADER_");
using var host = builder.Build();
var options = builder.Configuration.Get<GraderOptions>() ?? new GraderOptions();

var repository = new Option<string?>("--repo") { Description = "The course repository (default: the nearest folder above the current one with Autograder.sln).", Recursive = true };
var root = new RootCommand("Autograder: grade deep-learning homework written in C#.");
root.Options.Add(repository);
root.Subcommands.Add(CheckCommands.Create(repository, options));
root.Subcommands.Add(CheckCommands.CreateGrade(repository, options));
root.Subcommands.Add(CheckCommands.CreateExperiments(repository, options));
root.Subcommands.Add(ReportCommands.Create(repository, options));
root.Subcommands.Add(DataCommands.Create(repository));
root.Subcommands.Add(FixtureCommands.Create(repository));
root.Subcommands.Add(StarterCommands.Create(repository));
root.Subcommands.Add(ReleaseCommands.Create(repository, options));
root.Subcommands.Add(BatchCommands.Create(repository, options));
root.Subcommands.Add(MutantCommands.Create(repository, options));
root.Subcommands.Add(WorkerCommands.Create());

try
{
    // Errors the user can act on are printed as one line below, not as a stack trace.
    // Ctrl+C and SIGTERM cancel the verb: it stops its workers, removes its temporary files and exits with 130.
    using var cancellation = new CancellationTokenSource();
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
    return await root.Parse(args).InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);

    void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C: workers were killed and temporary files removed on the way out.
    await Console.Error.WriteLineAsync("autograder: cancelled.").ConfigureAwait(false);
    return 130;
}
catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or FormatException or KeyNotFoundException or IOException or HttpRequestException or InvalidOperationException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"autograder: {e.Message}").ConfigureAwait(false);
    return 2;
}
