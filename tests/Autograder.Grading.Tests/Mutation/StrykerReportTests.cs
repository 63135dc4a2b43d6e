using Autograder.Host.Mutation;

namespace Autograder.Grading.Tests.Mutation;

/// <summary>Reading Stryker's JSON report, applying its mutants to the sources, and the reviewed equivalent list.</summary>
public sealed class StrykerReportTests
{
    private const string Source = """
        public static class Layers
        {
            public static double Half(double x)
            {
                // BEGIN SOLUTION (hint: divide)
                ArgumentNullException.ThrowIfNull(x);
                return x / 2;
                // END SOLUTION
            }

            public static double Given(double x) => x * 3;
        }
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("stryker-report-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_mutant_replaces_exactly_its_span_given_in_one_based_lines_and_columns()
    {
        // "x / 2" sits on line 7 (1-based), from column 16 to column 21 (exclusive), as Stryker writes locations.
        var mutant = new StrykerMutant("A1/Layers.cs", "Arithmetic mutation", "Survived", (7, 16), (7, 21), "x * 2");
        Assert.Multiple(() =>
        {
            Assert.That(mutant.Original(Source), Is.EqualTo("x / 2"));
            Assert.That(mutant.ApplyTo(Source), Does.Contain("return x * 2;").And.Not.Contain("x / 2"));
            Assert.That(mutant.Line(Source), Is.EqualTo("return x / 2;"));
            Assert.That(mutant.InSolutionRegion(Source), Is.True);
        });
    }

    [Test]
    public void Code_outside_the_solution_regions_is_the_starter_s_given_code()
    {
        var given = new StrykerMutant("A1/Layers.cs", "Arithmetic mutation", "Survived", (11, 45), (11, 50), "x / 3");
        Assert.Multiple(() =>
        {
            Assert.That(given.Original(Source), Is.EqualTo("x * 3"));
            Assert.That(given.InSolutionRegion(Source), Is.False);
        });
    }

    [Test]
    public void A_location_past_the_end_of_the_file_says_the_report_is_stale()
    {
        var mutant = new StrykerMutant("A1/Layers.cs", "Statement mutation", "Survived", (40, 1), (40, 5), ";");
        Assert.That(() => mutant.ApplyTo(Source), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("Run Stryker again"));
    }

    [Test]
    public void The_report_s_mutants_are_read_with_paths_relative_to_the_reference()
    {
        var report = Path.Combine(_folder, "mutation-report.json");
        File.WriteAllText(report, """
            {"schemaVersion": "1", "files": {"/somewhere/reference/A1/Layers.cs": {"language": "cs", "source": "", "mutants": [
              {"id": "1", "mutatorName": "Arithmetic mutation", "replacement": "x * 2", "status": "Survived",
               "location": {"start": {"line": 7, "column": 16}, "end": {"line": 7, "column": 21}}},
              {"id": "2", "mutatorName": "Statement mutation", "replacement": ";", "status": "Killed",
               "location": {"start": {"line": 6, "column": 9}, "end": {"line": 6, "column": 46}}},
              {"id": "3", "mutatorName": "String mutation", "replacement": "\"\"", "status": "CompileError",
               "location": {"start": {"line": 6, "column": 9}, "end": {"line": 6, "column": 10}}}]}}}
            """);
        var mutants = StrykerReport.Load(report, "/elsewhere/reference");
        Assert.Multiple(() =>
        {
            Assert.That(mutants.Select(m => m.File), Is.All.EqualTo("A1/Layers.cs"));
            Assert.That(mutants.Select(m => (m.SurvivedPublicChecks, m.KilledByPublicChecks, m.Tested)), Is.EqualTo(new[] { (true, false, true), (false, true, true), (false, false, false) }));
            Assert.That(mutants[0].Start, Is.EqualTo((7, 16)));
            Assert.That(mutants[0].Replacement, Is.EqualTo("x * 2"));
        });
    }

    [Test]
    public void A_file_that_is_not_a_report_is_refused_with_what_to_give()
    {
        var notReport = Path.Combine(_folder, "results.json");
        File.WriteAllText(notReport, """{"tests": []}""");
        Assert.Multiple(() =>
        {
            Assert.That(() => StrykerReport.Load(notReport, "reference"), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("mutation-report.json"));
            Assert.That(() => StrykerReport.Load(Path.Combine(_folder, "missing.json"), "reference"), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("Run Stryker first"));
        });
    }

    [Test]
    public void The_equivalent_list_matches_code_with_white_space_collapsed_and_demands_a_reason()
    {
        var list = Path.Combine(_folder, "equivalent-mutants.tsv");
        File.WriteAllText(list, "# comment\nA1/Layers.cs\tArgumentNullException.ThrowIfNull( x );\t;\tno check passes null\n");
        var guard = new StrykerMutant("A1/Layers.cs", "Statement mutation", "Survived", (6, 9), (6, 46), ";");
        var division = new StrykerMutant("A1/Layers.cs", "Arithmetic mutation", "Survived", (7, 16), (7, 21), "x * 2");
        var equivalents = EquivalentMutants.Load(list);
        Assert.Multiple(() =>
        {
            Assert.That(guard.Original(Source), Is.EqualTo("ArgumentNullException.ThrowIfNull(x);"));
            Assert.That(equivalents.ReasonFor(guard, Source), Is.Null, "'( x )' and '(x)' differ in more than white space");
            Assert.That(EquivalentMutants.Entry(guard, Source, "why"), Is.EqualTo("A1/Layers.cs\tArgumentNullException.ThrowIfNull(x);\t;\twhy"));
            Assert.That(equivalents.ReasonFor(division, Source), Is.Null);
        });

        File.WriteAllText(list, EquivalentMutants.Entry(guard, Source, "no check passes null").Replace("ThrowIfNull(x);", "ThrowIfNull(x);  ", StringComparison.Ordinal) + "\n");
        Assert.That(EquivalentMutants.Load(list).ReasonFor(guard, Source), Is.EqualTo("no check passes null"));

        File.WriteAllText(list, "A1/Layers.cs\tx / 2\tx * 2\t \n");
        Assert.That(() => EquivalentMutants.Load(list), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("needs a reason"));
    }
}
