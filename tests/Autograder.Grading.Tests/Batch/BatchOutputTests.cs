using System.IO.Compression;
using Autograder.Host.Batch;

namespace Autograder.Grading.Tests.Batch;

/// <summary>The batch's parts that need no grader: opening zips safely, the CSV a spreadsheet reads, and how diagnoses are grouped.</summary>
public sealed class BatchOutputTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("autograder-batch-unit-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_zip_keeps_only_sources_and_refuses_links()
    {
        var zip = Path.Combine(_folder, "s.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Write(archive, "starter/A1/Layers.cs", "class L { }");
            Write(archive, "starter/notes.txt", "not needed");
        }

        SubmissionArchive.Extract(zip, Path.Combine(_folder, "out"), keepAllFiles: false);
        Assert.That(Directory.EnumerateFiles(Path.Combine(_folder, "out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)), Is.EqualTo(new[] { "out/starter/A1/Layers.cs" }));

        var linked = Path.Combine(_folder, "link.zip");
        using (var archive = ZipFile.Open(linked, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("A1");
            entry.ExternalAttributes = unchecked((int)0xA1FF0000);
            using var writer = new StreamWriter(entry.Open());
            writer.Write("/work/reference/A1");
        }

        Assert.That(() => SubmissionArchive.Extract(linked, Path.Combine(_folder, "linked"), keepAllFiles: false), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("symbolic link"));
        Assert.That(Directory.Exists(Path.Combine(_folder, "linked")), Is.False, "nothing is left of a refused zip");
    }

    [Test]
    public void A_zip_bomb_stops_at_the_cap()
    {
        var zip = Path.Combine(_folder, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("A1/Big.cs", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < (SubmissionArchive.MaxBytes >> 20) + 8; i++)
            {
                stream.Write(zeros);
            }
        }

        Assert.That(new FileInfo(zip).Length, Is.LessThan(8 << 20), "small on disk");
        Assert.That(() => SubmissionArchive.Extract(zip, Path.Combine(_folder, "out"), keepAllFiles: false), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("more than 256 MB"));
    }

    [Test]
    public void Grades_csv_quotes_cells_and_defuses_formulas()
    {
        var record = new BatchRecord("=cmd|' /C calc'!A0", "Doe, \"Jo\"", BatchStatus.Rejected, 0, 9, "+bad zip\nsecond line", "f", 1);
        GradesCsv.Write(_folder, [new ClassResult(record, new Dictionary<string, StudentCheck>())], []);
        var lines = File.ReadAllText(Path.Combine(_folder, "grades.csv")).Split("\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("id,name,status,score,max_score,percent,reason"));
            Assert.That(lines[1], Is.EqualTo("'=cmd|' /C calc'!A0,\"Doe, \"\"Jo\"\"\",rejected,0,9,0,'+bad zip"));
        });
    }

    [Test]
    public void Diagnoses_are_compared_with_their_numbers_masked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BugGroups.Mask("dw: worst at [3, 1]: 0.25 vs -1.5e-3 (relative error 0.92)"), Is.EqualTo("dw: worst at [#, #]: # vs # (relative error #)"));
            Assert.That(BugGroups.Mask("boom\n   at Homework.A1.Layers.FcForward()"), Is.EqualTo("boom"), "traces are left out");
        });
    }

    [Test]
    public void Gradescope_export_names_students_by_sid_and_groups_by_members()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "submission_101"));
        Directory.CreateDirectory(Path.Combine(_folder, "submission_102"));
        File.WriteAllText(Path.Combine(_folder, GradescopeExport.MetadataFile), """
            submission_101:
              :submitters:
              - :name: Ada Lovelace
                :sid: '1815'
                :email: ada@example.edu
              :created_at: 2026-11-30 10:00:00.000000000 -08:00
              :score: 0.0
            submission_102:
              :submitters:
              - :name: Alan Turing
                :email: alan@example.edu
              - :name: Grace Hopper
                :sid: '1906'
            submission_999:
              :submitters: []
            """);
        var found = SubmissionDiscovery.Find(_folder, Path.Combine(_folder, ".work"));
        Assert.That(found.Select(s => (s.Id, s.Name, Path.GetFileName(s.Source))), Is.EqualTo(new[]
        {
            ("1815", "Ada Lovelace", "submission_101"),
            ("alan@example.edu", "Alan Turing & Grace Hopper", "submission_102"),
        }), "a folder named in the metadata but missing is left out");
    }

    private static void Write(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }
}
