using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A5.Hidden;

/// <summary>
/// GloveEmbeddings.Table for a per-student vocabulary of 30–60 words and vectors of 4–9 (hidden): large enough that the
/// spread of the random rows (some 60 values or more) is checked without a correct table failing by chance.
/// </summary>
internal sealed class GloveTableHiddenCheck() : A5Check("a5.glove_table_hidden", "GloveEmbeddings.Table on an unseen vocabulary", 0.5, Visibility.Hidden,
    "Homework.A5.GloveEmbeddings.Table")
{
    public override Observation Probe(ProbeContext context) =>
        GloveTableCheck.Run(context, (int)context.Generator.NextInt64(30, 61), (int)context.Generator.NextInt64(4, 10));

    public override Verdict Judge(Observation student, Observation expected) => GloveTableCheck.Score(student, expected);
}
