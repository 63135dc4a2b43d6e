using System.IO.Compression;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>A batch that was cut short completes when rerun; a zipped Gradescope export is graded under its students' ids.</summary>
[NonParallelizable]
public sealed class BatchRecoveryTests
{
    private static readonly string[] Only = ["--checks-only", "--only", "a1.fc_forward", "a1.relu_forward"];

    [Test]
    public void A_submission_past_its_deadline_is_recorded_and_a_rerun_completes_it()
    {
        var root = Directory.CreateTempSubdirectory("autograder-batch-deadline-").FullName;
        var folder = Implementations.Sources(Path.Combine(root, "class", "late"));
        // New content, so it must be built: the build alone outlasts a three-second deadline.
        File.AppendAllText(Path.Combine(folder, "A1", "Layers.cs"), $"\n// {Guid.NewGuid()}\n");
        var (cut, cutOutput) = BatchRun.Run(Path.Combine(root, "class"), Path.Combine(root, "out"), [.. Only, "--deadline", "0.05"]);
        var record = File.ReadAllText(Path.Combine(root, "out", "students", "late", "batch.json"));
        var results = HostProcess.Read(Path.Combine(root, "out", "students", "late")).Results;
        Assert.Multiple(() =>
        {
            Assert.That(cut, Is.EqualTo(1), cutOutput);
            Assert.That(cutOutput, Does.Contain("Run the same command again"));
            Assert.That(record, Does.Contain("\"status\": \"timed-out\""));
            Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("errored"));
            Assert.That(results.Values.Select(r => r.Output), Is.All.Contains("longer than the deadline"));
        });

        var (rerun, rerunOutput) = BatchRun.Run(Path.Combine(root, "class"), Path.Combine(root, "out"), Only);
        var grades = BatchRun.Grades(Path.Combine(root, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(rerun, Is.Zero, rerunOutput);
            Assert.That(grades.Single()["status"], Is.EqualTo("graded"));
            Assert.That(grades.Single()["percent"], Is.EqualTo("100"));
        });
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public void A_batch_killed_midway_loses_nothing_and_a_rerun_completes_it()
    {
        var root = Directory.CreateTempSubdirectory("autograder-batch-killed-").FullName;
        foreach (var id in new[] { "a", "b", "c" })
        {
            var folder = Implementations.Sources(Path.Combine(root, "class", id));
            File.AppendAllText(Path.Combine(folder, "A1", "Layers.cs"), $"\n// {Guid.NewGuid()}\n");
        }

        var grader = Implementations.Grader();
        var unconfined = Sandbox.Bubblewrap.WhyUnavailable is not null ? new[] { "--no-sandbox" } : [];
        var start = new System.Diagnostics.ProcessStartInfo(grader.FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in grader.Prefix.Concat(["batch", Path.Combine(root, "class"), "--out", Path.Combine(root, "out"), "--repo", Repository.Root, "-j", "1", .. Only, .. unconfined]))
        {
            start.ArgumentList.Add(argument);
        }

        using (var batch = System.Diagnostics.Process.Start(start)!)
        {
            // Killed, with every process it started, as soon as the first submission is done: the second is mid-way.
            while (batch.StandardOutput.ReadLine() is { } line && !line.StartsWith("[1/3]", StringComparison.Ordinal))
            {
            }

            Thread.Sleep(1500);
            batch.Kill(entireProcessTree: true);
            batch.WaitForExit();
        }

        var finished = Directory.EnumerateFiles(Path.Combine(root, "out", "students"), "batch.json", SearchOption.AllDirectories).Count();
        var (rerun, output) = BatchRun.Run(Path.Combine(root, "class"), Path.Combine(root, "out"), [.. Only, "-j", "1"]);
        var grades = BatchRun.Grades(Path.Combine(root, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(finished, Is.EqualTo(1), "only the finished submission has its record");
            Assert.That(rerun, Is.Zero, output);
            Assert.That(output, Does.Contain("1 kept from an earlier run"));
            Assert.That(grades.Select(r => (r["id"], r["status"], r["percent"])), Is.EqualTo(new[] { ("a", "graded", "100"), ("b", "graded", "100"), ("c", "graded", "100") }));
        });
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public void A_zipped_gradescope_export_is_graded_under_the_students_ids()
    {
        var root = Directory.CreateTempSubdirectory("autograder-batch-export-").FullName;
        var export = Path.Combine(root, "export");
        Implementations.Sources(Path.Combine(export, "submission_7001"));
        Implementations.Sources(Path.Combine(export, "submission_7002"), "starter");
        File.WriteAllText(Path.Combine(export, "submission_metadata.yml"), """
            submission_7001:
              :submitters:
              - :name: Ada Lovelace
                :sid: '1815'
            submission_7002:
              :submitters:
              - :name: Alan Turing
                :sid: '1912'
              - :name: Grace Hopper
                :sid: '1906'
            """);
        ZipFile.CreateFromDirectory(export, Path.Combine(root, "export.zip"));
        var (exitCode, output) = BatchRun.Run(Path.Combine(root, "export.zip"), Path.Combine(root, "out"), Only);
        var grades = BatchRun.Grades(Path.Combine(root, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(grades.Select(r => (r["id"], r["name"], r["percent"])), Is.EqualTo(new[] { ("1815", "Ada Lovelace", "100"), ("1912", "Alan Turing & Grace Hopper", "0") }));
        });
        Directory.Delete(root, recursive: true);
    }
}
