using System.CommandLine;
using Autograder.Grading.Protocol;
using Autograder.Host.Checks;

namespace Autograder.Host.Commands;

/// <summary><c>autograder worker</c> (internal): loads an implementation and answers probe requests; the host starts it.</summary>
internal static class WorkerCommands
{
    public static Command Create()
    {
        var implementation = new Option<string>("--impl") { Description = "The Homework.dll to load.", Required = true };
        var directory = new Option<string>("--dir") { Description = "Where to write observations and reports.", Required = true };
        var settings = new Option<string[]>("--setting") { Description = "A run setting, NAME=VALUE, given to every probe." };
        var worker = new Command("worker", "Internal: run probes for the host in an isolated process.") { Hidden = true };
        worker.Options.Add(implementation);
        worker.Options.Add(directory);
        worker.Options.Add(settings);
        worker.SetAction(parse =>
        {
            var values = (parse.GetValue(settings) ?? []).Select(s => s.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            ProbeWorker.UseImplementation(parse.GetValue(implementation)!);
            return ProbeWorker.Serve(CheckRegistry.Factories, parse.GetValue(directory)!, Console.In, values);
        });
        return worker;
    }
}
