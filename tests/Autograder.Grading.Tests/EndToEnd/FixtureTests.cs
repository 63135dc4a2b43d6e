namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Public checks grade from fixtures alone (a student's bundle has no reference); hidden checks draw per-student inputs.</summary>
[NonParallelizable]
public sealed class FixtureTests
{
    [Test]
    public void Without_a_reference_the_public_checks_grade_from_the_committed_fixtures()
    {
        var bundle = Directory.CreateTempSubdirectory("autograder-bundle-").FullName;
        File.WriteAllText(Path.Combine(bundle, "Autograder.sln"), "");
        var fixtures = Path.Combine(bundle, "grading", "fixtures");
        Directory.CreateDirectory(fixtures);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "grading", "fixtures"), "*.npz"))
        {
            File.Copy(file, Path.Combine(fixtures, Path.GetFileName(file)));
        }

        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Reference(), bundle);
        Directory.Delete(bundle, recursive: true);
        var hidden = results.Where(r => r.Key.EndsWith("_hidden", StringComparison.Ordinal)).ToList();
        Assert.That(results.Except(hidden).Select(r => r.Value.Tag), Is.All.EqualTo("passed"), "every public check has an up-to-date fixture");
        Assert.That(hidden, Is.Not.Empty);
        Assert.That(hidden.Select(r => r.Value.Tag), Is.All.EqualTo("errored"), "a hidden check needs the reference");
        Assert.That(hidden.Select(r => r.Value.Output), Is.All.Contains("grader error"));
    }

    [Test]
    public void Hidden_checks_use_the_student_id_and_pass_for_the_reference()
    {
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Reference(), null, "--student-id", "s1234567");
        Assert.That(results["a1.fc_backward_hidden"].Tag, Is.EqualTo("passed"));
        Assert.That(Checks.Seeds.ForStudent("a1.fc_backward_hidden", "s1234567"), Is.Not.EqualTo(Checks.Seeds.ForStudent("a1.fc_backward_hidden", "s7654321")));
        Assert.That(Checks.Seeds.Public("a1.fc_backward"), Is.Not.EqualTo(Checks.Seeds.Public("a1.fc_forward")).And.GreaterThanOrEqualTo(0));
    }

    /// <summary>A greedy caption that repeats one word cannot tell a decoder that feeds back its prediction from one that does not.</summary>
    [TestCase("a3.captioning_sample", "rnn")]
    [TestCase("a3.captioning_sample", "lstm")]
    [TestCase("a3.decoder_sample", "lstm_words")]
    [TestCase("a3.decoder_sample", "attention_words")]
    public void Public_greedy_captions_change_word_by_word(string check, string name)
    {
        var captions = Autograder.Tensors.IO.Npz.Read(Path.Combine(Repository.Root, "grading", "fixtures", check + ".npz"))[name];
        var rows = Enumerable.Range(0, captions.Shape[0]).Select(i => captions[i].ToArray<double>()).ToList();
        Assert.That(rows.Select(r => r.Distinct().Count()), Is.All.GreaterThan(1), $"every {check} caption ({name}) has more than one word");
        Assert.That(rows.Select(r => string.Join(' ', r)).Distinct().Count(), Is.EqualTo(rows.Count), "no two captions alike");
    }
}
