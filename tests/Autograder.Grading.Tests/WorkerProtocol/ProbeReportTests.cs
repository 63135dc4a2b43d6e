using Autograder.Grading.Protocol;

namespace Autograder.Grading.Tests.WorkerProtocol;

/// <summary>The worker's report file is written by a process that runs student code: whatever it holds, the host reads an answer and goes on.</summary>
public sealed class ProbeReportTests
{
    private static ProbeReport Load(string json)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);
            return ProbeReport.Load(path, "a1.fc_forward");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_well_formed_report_is_read_as_written()
    {
        var report = Load("""{"CheckId":"a1.fc_forward","Status":1,"Message":"m","Trace":"t","Milliseconds":12.5}""");
        Assert.That(report, Is.EqualTo(new ProbeReport("a1.fc_forward", (ProbeStatus)1, "m", "t", 12.5)));
    }

    [TestCase("""{"CheckId":"a1.fc_forward","Status":0,"Message":"m","Trace":"","Milliseconds":1e308}""", 86_400_000)]
    [TestCase("""{"CheckId":"a1.fc_forward","Status":0,"Message":"m","Trace":"","Milliseconds":-5}""", 0)]
    public void An_impossible_duration_is_not_believed(string json, double milliseconds)
    {
        var report = Load(json);
        Assert.That(report.Milliseconds, Is.EqualTo(milliseconds));
        Assert.That(() => TimeSpan.FromMilliseconds(report.Milliseconds), Throws.Nothing, "the host can turn it into a duration");
    }

    [TestCase("not json at all", "not valid JSON")]
    [TestCase("null", "empty")]
    [TestCase("""{"CheckId":"a1.adam","Status":0,"Message":"","Trace":"","Milliseconds":1}""", "another check ('a1.adam')")]
    [TestCase("""{"CheckId":"a1.fc_forward","Status":99,"Message":"","Trace":"","Milliseconds":1}""", "unknown status 99")]
    public void A_malformed_report_is_an_errored_check(string json, string why)
    {
        var report = Load(json);
        Assert.Multiple(() =>
        {
            Assert.That(report.CheckId, Is.EqualTo("a1.fc_forward"));
            Assert.That(report.Status, Is.EqualTo(ProbeStatus.Errored));
            Assert.That(report.Message, Does.StartWith("the worker's report for this check was malformed: ").And.Contain(why));
        });
    }

    [Test]
    public void Missing_texts_read_as_empty()
    {
        var report = Load("""{"CheckId":"a1.fc_forward","Status":0,"Milliseconds":1}""");
        Assert.That((report.Message, report.Trace), Is.EqualTo(("", "")));
    }
}
