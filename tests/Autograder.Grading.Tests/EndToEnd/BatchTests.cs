using System.IO.Compression;
using Microsoft.Playwright;

namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>
/// <c>autograder batch</c> on a class of 31 mixed submissions (correct, untouched, buggy, hostile, not compiling, unsafe,
/// zipped), graded by real grader processes two at a time: none is lost, each gets a row and a reason, the same bug is
/// grouped, the same submission grades the same every time, and a rerun keeps what is final.
/// </summary>
[NonParallelizable]
public sealed class BatchTests
{
    private const string Mutant = "ArgumentNullException.ThrowIfNull(cache); return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), dout.Sum(0));";

    private static readonly string[] Only = ["--assignment", "a1", "--checks-only", "--only", "a1.fc_forward", "a1.fc_backward", "a1.fc_backward_hidden", "a1.relu_forward", "a1.relu_backward", "-j", "2"];

    private string _root = "";
    private string _class = "";
    private string _output = "";
    private (int ExitCode, string Output) _first;
    private List<Dictionary<string, string>> _grades = [];

    private Dictionary<string, string> Row(string id) => _grades.Single(r => r["id"] == id);

    [OneTimeSetUp]
    public void GradeTheClass()
    {
        _ = Implementations.Grader();
        var root = _root = Directory.CreateTempSubdirectory("autograder-batch-").FullName;
        (_class, _output) = (Path.Combine(root, "class"), Path.Combine(root, "out"));
        for (var i = 1; i <= 5; i++)
        {
            Implementations.Sources(Path.Combine(_class, $"ref-{i:00}"));
        }

        Zip(Implementations.Sources(Path.Combine(root, "flat")), Path.Combine(_class, "ref-zip-flat.zip"), "");
        Implementations.Sources(Path.Combine(root, "wrapped", "starter"));
        File.WriteAllText(Path.Combine(root, "wrapped", "starter", "Homework.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Zip(Path.Combine(root, "wrapped"), Path.Combine(_class, "ref-zip-wrapped.zip"), "");
        for (var i = 1; i <= 4; i++)
        {
            Implementations.Sources(Path.Combine(_class, $"starter-{i}"), "starter");
        }

        for (var i = 1; i <= 10; i++)
        {
            Implementations.Sources(Path.Combine(_class, $"mut-dw-{i:00}"), bodies: new Dictionary<string, string> { ["FcBackward"] = Mutant });
        }

        for (var i = 1; i <= 3; i++)
        {
            Implementations.Sources(Path.Combine(_class, $"mut-relu-{i}"), bodies: new Dictionary<string, string> { ["ReluBackward"] = "return Tensor.Where(cache.Gt(0.0), -dout, Tensor.ZerosLike(dout));" });
        }

        Implementations.Sources(Path.Combine(_class, "broken-1"), bodies: new Dictionary<string, string> { ["ReluForward"] = "return (x.Relu() x);" });
        Implementations.Sources(Path.Combine(_class, "broken-2"), bodies: new Dictionary<string, string> { ["FcForward"] = "return undefinedName;" });
        Directory.CreateDirectory(Path.Combine(_class, "link"));
        File.CreateSymbolicLink(Path.Combine(_class, "link", "A1"), Path.Combine(Repository.Root, "reference", "A1"));
        Implementations.Sources(Path.Combine(_class, "badname"));
        File.WriteAllText(Path.Combine(_class, "badname", "A1", "Z;$(PWD).cs"), "// planted");
        using (var zip = ZipFile.Open(Path.Combine(_class, "traversal.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../../outside.cs").Open());
            writer.Write("class Outside { }");
        }

        Directory.CreateDirectory(Path.Combine(_class, "empty"));
        Implementations.Sources(Path.Combine(_class, "hostile"), bodies: new Dictionary<string, string> { ["FcForward"] = "while (true) { }" });

        _first = BatchRun.Run(_class, _output, Only);
        _grades = BatchRun.Grades(_output);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void None_is_lost_and_each_gets_its_result_files()
    {
        var ids = Directory.EnumerateFileSystemEntries(_class).Select(e => Path.GetFileNameWithoutExtension(e)).Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_first.ExitCode, Is.Zero, _first.Output);
            Assert.That(ids, Has.Count.EqualTo(31));
            Assert.That(_grades.Select(r => r["id"]), Is.EqualTo(ids), "one row per submission, in id order");
            foreach (var id in ids)
            {
                var folder = Path.Combine(_output, "students", id);
                Assert.That(new[] { "results.json", "junit.xml", "summary.md", "batch.json" }.Where(f => !File.Exists(Path.Combine(folder, f))), Is.Empty, id);
            }

            Assert.That(Directory.Exists(Path.Combine(_output, ".work")), Is.False, "the staging area is cleared");
        });
    }

    [Test]
    public void Correct_and_zipped_submissions_score_full_marks_and_untouched_ones_zero()
    {
        var full = _grades.Where(r => r["id"].StartsWith("ref-", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(full.Select(r => r["id"]), Has.Member("ref-zip-flat").And.Member("ref-zip-wrapped"));
            Assert.That(full.Select(r => (r["status"], r["percent"])), Is.All.EqualTo(("graded", "100")));
            Assert.That(full.Select(r => r["max_score"]), Is.All.EqualTo("9"), "2 + 3 + 2 + 1 + 1 points");
            var starters = _grades.Where(r => r["id"].StartsWith("starter-", StringComparison.Ordinal)).ToList();
            Assert.That(starters.Select(r => (r["status"], r["score"])), Is.All.EqualTo(("graded", "0")));
            Assert.That(HostProcess.Read(Path.Combine(_output, "students", "starter-1")).Results.Values.Select(c => c.Tag), Is.All.EqualTo("not-attempted"));
        });
    }

    [Test]
    public void Submissions_that_cannot_be_built_or_opened_get_a_row_with_the_reason()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Row("broken-1")["status"], Is.EqualTo("not-compiled"));
            Assert.That(Row("broken-1")["reason"], Does.Contain("error CS"));
            Assert.That(Row("broken-2")["reason"], Does.Contain("undefinedName"));
            Assert.That(Row("link")["reason"], Does.Contain("symbolic link"));
            Assert.That(Row("badname")["reason"], Does.Contain("Rename it"));
            Assert.That(Row("empty")["reason"], Does.Contain("no .cs files"));
            Assert.That((Row("traversal")["status"], Row("traversal")["reason"]), Is.EqualTo(("rejected", Row("traversal")["reason"])));
            Assert.That(Row("traversal")["reason"], Does.Contain("outside the submission's folder"));
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(_class)!, "outside.cs")), Is.False);
            Assert.That(_grades.Where(r => r["status"] != "graded").Select(r => r["score"]), Is.All.EqualTo("0"));
        });
    }

    [Test]
    public void A_hostile_submission_is_contained_and_its_other_checks_graded()
    {
        var hostile = HostProcess.Read(Path.Combine(_output, "students", "hostile")).Results;
        Assert.Multiple(() =>
        {
            Assert.That(Row("hostile")["status"], Is.EqualTo("graded"));
            Assert.That(hostile["a1.fc_forward"].Tag, Is.EqualTo("timed-out"));
            Assert.That(hostile["a1.relu_forward"].Tag, Is.EqualTo("passed"));
            Assert.That(hostile["a1.relu_backward"].Tag, Is.EqualTo("passed"));
        });
    }

    [Test]
    public void The_same_submission_grades_the_same_every_time()
    {
        var graded = Enumerable.Range(1, 10).Select(i => HostProcess.Read(Path.Combine(_output, "students", $"mut-dw-{i:00}")).Results).ToList();
        var publicChecks = graded[0].Keys.Where(k => !k.EndsWith("_hidden", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(graded[0]["a1.fc_backward"].Score, Is.LessThan(graded[0]["a1.fc_backward"].MaxScore), "the mutant is caught");
            foreach (var other in graded.Skip(1))
            {
                Assert.That(publicChecks.Select(k => other[k]), Is.EqualTo(publicChecks.Select(k => graded[0][k])), "same inputs, same results, messages included");
            }

            Assert.That(graded.Select(g => g["a1.fc_backward_hidden"].Tag), Is.All.EqualTo("failed"), "hidden inputs differ per student; the bug shows on each");
        });
    }

    [Test]
    public void The_class_summary_groups_students_by_diagnosed_bug()
    {
        var html = File.ReadAllText(Path.Combine(_output, "class-summary.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<td class=\"num\">10</td><td><code>a1.fc_backward</code></td><td>dw"), "the ten dW mutants in one group");
            Assert.That(html, Does.Contain("<td class=\"num\">3</td><td><code>a1.relu_backward</code></td><td>"), "the three sign mutants in another");
            Assert.That(html, Does.Contain("opposite sign"));
        });
    }

    [Test]
    public async Task The_class_summary_renders_in_a_browser_with_every_student()
    {
        var (playwright, browser) = await Reports.Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            await page.GotoAsync(new Uri(Path.Combine(_output, "class-summary.html")).AbsoluteUri);
            var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "class-summary.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.AddTestAttachment(screenshot, "The class summary in Chromium");
            var rows = await page.EvaluateAsync<int>("document.querySelectorAll('table.heatmap tr').length - 1");
            var cells = await page.EvaluateAsync<int>("document.querySelectorAll('table.heatmap td.cell').length");
            var plot = await page.EvaluateAsync<double[]>("(() => { const r = document.querySelector('figure svg').getBoundingClientRect(); return [r.width, r.height]; })()");
            Assert.Multiple(() =>
            {
                Assert.That(rows, Is.EqualTo(31));
                Assert.That(cells, Is.EqualTo(31 * 5));
                Assert.That(plot[0], Is.GreaterThan(300), "the score histogram is drawn");
                Assert.That(errors, Is.Empty);
            });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Test]
    public void A_rerun_keeps_final_results_and_grades_only_what_changed()
    {
        // The other tests read the first run's rows (kept in memory) and files this rerun leaves as they were.
        var fixedFolder = Path.Combine(_class, "broken-1");
        Directory.Delete(fixedFolder, recursive: true);
        Implementations.Sources(fixedFolder);
        var (exitCode, output) = BatchRun.Run(_class, _output, Only);
        var grades = BatchRun.Grades(_output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("30 kept from an earlier run"));
            Assert.That(output, Does.Contain("broken-1: 9 / 9"));
            Assert.That(grades.Single(r => r["id"] == "broken-1")["percent"], Is.EqualTo("100"));
            Assert.That(grades, Has.Count.EqualTo(31));
        });
    }

    private static void Zip(string folder, string zip, string prefix)
    {
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            archive.CreateEntryFromFile(file, prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }
    }
}
