using Autograder.Grading.Checks;
using Autograder.Grading.Diagnostics;
using Autograder.Grading.Exporters;
using Autograder.Grading.Tests.EndToEnd;

namespace Autograder.Grading.Tests.Exporters;

/// <summary>Where 'dotnet build' puts a check's warning: at the member the failure is about, located in the reference's PDB.</summary>
public sealed class MsBuildDiagnosticsTests
{
    private const string Unigram = "Homework.A3.Bleu.Unigram";
    private const string Corpus4 = "Homework.A3.Bleu.Corpus4";

    [Test]
    public void A_wrong_result_points_at_the_member_whose_observation_failed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Line(Result([Unigram, Corpus4], "Corpus4")), Does.StartWith(At(Corpus4)));
            Assert.That(Line(Result([Unigram, Corpus4], null)), Does.StartWith(At(Unigram)), "no blame: the first target");
            Assert.That(At(Corpus4), Is.Not.EqualTo(At(Unigram)));
            Assert.That(Line(Result(["Homework.A2.ConvLayer.Forward", "Homework.A2.ConvLayer.Backward"], "Backward")), Does.StartWith(At("Homework.A2.ConvLayer.Backward")), "a gradient's default member");
            Assert.That(Line(Result(["Homework.A3.LstmDecoder.Sample", "Homework.A3.AttentionDecoder.Sample"], "AttentionDecoder.Sample")), Does.StartWith(At("Homework.A3.AttentionDecoder.Sample")).And.Contain("AttentionDecoder.cs("));
        });
    }

    [Test]
    public void An_exception_points_at_the_line_of_the_student_frame_that_threw_it()
    {
        var trace = $"InvalidOperationException: boom\nat {Corpus4}(IReadOnlyList`1 candidates, IReadOnlyList`1 references) in /elsewhere/Bleu.cs:line 57\nat Homework.A3.Other.Caller() in /elsewhere/Other.cs:line 3";
        var file = At(Corpus4)[..At(Corpus4).IndexOf('(', StringComparison.Ordinal)];
        Assert.That(Line(Result([Unigram, Corpus4], null, Outcome.Errored, trace)), Does.StartWith($"{file}(57,1): warning AG2"));
    }

    private static CheckResult Result(string[] targets, string? blame, Outcome outcome = Outcome.Failed, string message = "wrong") =>
        new(new CheckInfo("a3.example", "A3", "an example", 1, Visibility.Visible, TimeSpan.FromSeconds(1), targets), outcome, 0, message, 7, TimeSpan.Zero) { Blame = blame };

    private static string Line(CheckResult result) => MsBuildDiagnosticsExporter.Format([result], Implementations.Reference(), asErrors: false).Single();

    private static string At(string member)
    {
        using var locator = new SourceLocator(Implementations.Reference());
        var (file, line, column) = locator.Find(member) ?? throw new AssertionException($"{member} is not in the reference's PDB");
        return $"{file}({line},{column})";
    }
}
