using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Protocol;

/// <summary>The worker side: loads the implementation's Homework.dll, then answers "checkId seed" lines from stdin one by one.</summary>
/// <remarks>
/// Each answer is <c>DIR/checkId.npz</c> (the observation) and <c>DIR/checkId.json</c> (a <see cref="ProbeReport"/>),
/// written atomically. Student code may print anything: the protocol does not use stdout. Every probe gets a fresh check
/// instance, and the tensor buffers kept for reuse are released after it: one worker runs every experiment of a grading run,
/// and what one experiment cached (its data set, its model, arrays of its shapes) would otherwise stay in the capped heap and
/// slow every later one (A6's Transformer trained 3–6× slower after the other experiments than alone).
/// </remarks>
public static class ProbeWorker
{
    /// <summary>Makes "Homework" resolve to <paramref name="homeworkPath"/> in this process, and checks that it did.</summary>
    /// <exception cref="InvalidOperationException">Another Homework.dll was found first (a deployment error that would grade the wrong code).</exception>
    public static void UseImplementation(string homeworkPath)
    {
        var full = Path.GetFullPath(homeworkPath);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "Homework" ? context.LoadFromAssemblyPath(full) : null;
        var loaded = Assembly.Load("Homework").Location;
        if (!string.Equals(Path.GetFullPath(loaded), full, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Homework resolved to '{loaded}' instead of '{full}': a Homework.dll beside the grader shadows the implementation. Remove it.");
        }
    }

    /// <summary>Serves probe requests until stdin closes.</summary>
    /// <param name="checks">Makes a fresh instance of each check, by id.</param>
    /// <param name="directory">Where to write observations, reports and progress.</param>
    /// <param name="requests">"checkId seed" lines.</param>
    /// <param name="settings">The run's settings, given to every probe.</param>
    public static int Serve(IReadOnlyDictionary<string, Func<Check>> checks, string directory, TextReader requests, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(requests);
        while (requests.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !checks.TryGetValue(parts[0], out var create) || !long.TryParse(parts[1], out var seed))
            {
                continue;
            }

            Run(create(), seed, directory, settings ?? new Dictionary<string, string>());
            Tensors.Storage.CachedBuffers.Release();
        }

        return 0;
    }

    private static void Run(Check check, long seed, string directory, IReadOnlyDictionary<string, string> settings)
    {
        var id = check.Info.Id;
        var clock = Stopwatch.StartNew();
        var progressPath = Path.Combine(directory, id + ".progress");
        ProbeReport report;
        try
        {
            using var rule = check.Info.ForbidsAutograd
                ? Tensors.Autograd.AutogradRule.Forbid($"{check.Info.Id}: the assignment asks for this backward pass written by hand, so the library's autograd is switched off here: compute the gradients with tensor arithmetic instead of calling Backward().")
                : null;
            var context = new ProbeContext(seed, settings, (fraction, message) => ProbeProgress.Save(progressPath, fraction, message));
            var observation = check.Probe(context);
            context.RecordChangedInputs(observation);
            observation.Save(Path.Combine(directory, id + ".npz"));
            report = new ProbeReport(id, ProbeStatus.Completed, "", "", clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e)
        {
            var root = Unwrap(e);
            var status = root is NotImplementedException ? ProbeStatus.NotAttempted : ProbeStatus.Errored;
            report = new ProbeReport(id, status, $"{root.GetType().Name}: {root.Message}", ShortTrace(root), clock.Elapsed.TotalMilliseconds);
        }

        report.Save(Path.Combine(directory, id + ".json"));
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException or TypeInitializationException or AggregateException && e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }

    /// <summary>The stack frames in the student's code (Homework.*), at most five, or the first five frames.</summary>
    private static string ShortTrace(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var student = frames.Where(f => f.Contains(" Homework.", StringComparison.Ordinal)).Take(5).ToArray();
        return string.Join("\n", student.Length > 0 ? student : frames.Take(5));
    }
}
