namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>The command line's verbs and its error handling: a user's mistake gets one line saying what to do, never a stack trace.</summary>
public sealed class CliTests
{
    private static (int Code, string Output) Run(params string[] arguments)
    {
        var grader = Implementations.Grader();
        return ChildProcess.Run(grader.FileName, grader.Prefix.Concat(arguments).Concat(["--repo", Repository.Root]));
    }

    [Test]
    public void Data_verify_checks_the_bundled_set_and_names_unknown_sets()
    {
        var (code, output) = Run("data", "verify", "mnist-small");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("All 4 files of mnist-small match"));
        (code, output) = Run("data", "verify", "imagenet");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("'imagenet' is not in the catalogue; known sets: mnist-small").And.Not.Contain(" at System."));
    }

    [Test]
    public void A_missing_implementation_is_reported_in_one_line()
    {
        var (code, output) = Run("check", "--impl", "/no/such/place");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output.Trim(), Does.StartWith("autograder: The implementation '/no/such/place' is not a folder or a Homework.dll"));
    }

    /// <summary>Before any student code runs (the implementation is not even looked up), missing data is one line per set and exit code 2.</summary>
    [Test]
    public void Missing_data_is_a_preflight_error_that_names_each_set()
    {
        var root = Directory.CreateTempSubdirectory("autograder-nodata-").FullName;
        try
        {
            var repository = Path.Combine(root, "course");
            Directory.CreateDirectory(Path.Combine(repository, "data"));
            File.WriteAllText(Path.Combine(repository, "Autograder.sln"), "");
            var grader = Implementations.Grader();
            var environment = new Dictionary<string, string?> { ["AUTOGRADER_DATA"] = null, ["AUTOGRADER_CACHE"] = Path.Combine(root, "cache") };
            var (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "experiments", "run", "--assignment", "a3", "--quick", "--impl", "/no/such/submission", "--repo", repository], environment: environment);
            var lines = output.Trim().Split('\n');
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(2), output);
                Assert.That(lines, Has.Length.EqualTo(3), "a headline, then one line per missing set:\n" + output);
                Assert.That(lines[0], Does.StartWith("autograder: nothing was run: 2 data sets are missing."));
                Assert.That(lines[1], Does.StartWith("missing data set 'flickr8k-small' (captions.tsv.gz), needed by a3.captioning_lstm, a3.decoder_attention, a3.decoder_lstm: looked in "));
                Assert.That(lines[1], Does.Contain(Path.Combine(repository, "data", "flickr8k-small")).And.Contain("git checkout -- data/flickr8k-small"));
                Assert.That(lines[2], Does.StartWith("missing data set 'pretrained-squeezenet' (architecture.json)").And.Contain("autograder data fetch pretrained-squeezenet"));
                Assert.That(output, Does.Not.Contain(" at ").And.Not.Contain("/no/such/submission"), "no stack trace, and the implementation was never looked up");
            });

            (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "experiments", "run", "--only", "a1.two_layer_mnist", "--impl", "/no/such/submission", "--repo", repository], environment: environment);
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("missing data set 'mnist-small'"), "a full run falls back to the bundled subset, so that is the set it misses last");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A log or a file gets plain text: no colour or cursor codes, even where a CI service would have Spectre.Console emit them.</summary>
    [TestCase("CI", "true")]
    [TestCase("GITHUB_ACTIONS", "true")]
    [TestCase("NO_COLOR", "1")]
    public void Redirected_output_has_no_escape_codes(string variable, string value)
    {
        var grader = Implementations.Grader();
        var (code, output) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "check", "--impl", Implementations.Reference(), "--only", "a1.fc_forward", "a1.relu_forward", "--repo", Repository.Root],
            environment: new Dictionary<string, string?> { [variable] = value });
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("a1.fc_forward").And.Contain("passed").And.Contain("Total"), "the table is still there");
        Assert.That(output, Does.Not.Contain("\u001b"), "no escape codes");
    }

    /// <summary>The course's secret (AUTOGRADER_HiddenSeedSecret) changes a student's hidden inputs; without it the grader warns that they can be computed offline.</summary>
    [Test]
    public void The_hidden_seed_secret_comes_from_the_settings()
    {
        var starter = Path.Combine(Repository.Root, "starter", "bin", Implementations.Configuration, "net10.0", "Homework.dll");
        if (!File.Exists(starter))
        {
            Assert.Ignore("The starter is not built; build the solution first.");
        }

        (string Seed, string Output) Grade(string? secret)
        {
            var output = Directory.CreateTempSubdirectory("autograder-seed-").FullName;
            try
            {
                var grader = Implementations.Grader();
                var (code, log) = ChildProcess.Run(grader.FileName, [.. grader.Prefix, "check", "--impl", starter, "--only", "a1.fc_backward_hidden", "--student-id", "s1234567", "--out", output, "--repo", Repository.Root],
                    environment: new Dictionary<string, string?> { ["AUTOGRADER_HiddenSeedSecret"] = secret });
                Assert.That(code, Is.Zero, log);
                var json = File.ReadAllText(Path.Combine(output, "results.json"));
                return (System.Text.RegularExpressions.Regex.Match(json, @"seed (\d+)").Groups[1].Value, log);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }

        var (plain, plainLog) = Grade(null);
        var (keyed, keyedLog) = Grade("course secret");
        Assert.Multiple(() =>
        {
            Assert.That(plain, Is.EqualTo(Checks.Seeds.ForStudent("a1.fc_backward_hidden", "s1234567").ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(keyed, Is.EqualTo(Checks.Seeds.ForStudent("a1.fc_backward_hidden", "s1234567", "course secret").ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(plainLog, Does.Contain("no HiddenSeedSecret is set"));
            Assert.That(keyedLog, Does.Not.Contain("HiddenSeedSecret"));
        });
    }

    [Test]
    public void Starter_verify_passes_on_the_committed_starter()
    {
        var (code, output) = Run("starter", "verify");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("starter/ matches the reference"));
    }
}
