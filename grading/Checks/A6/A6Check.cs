using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A6;

/// <summary>Shared metadata for A6's checks: assignment, visibility, and the parts composite checks may take from the reference.</summary>
internal abstract class A6Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A6", id, title, points, visibility, targets)
{
    /// <summary>The Seq2Seq encoder, used by the whole translator.</summary>
    public static readonly Substitution EncoderFile = new("A6/Seq2Seq/Encoder.cs", "Homework.A6.Encoder");

    /// <summary>The Seq2Seq decoder, used by the whole translator.</summary>
    public static readonly Substitution DecoderFile = new("A6/Seq2Seq/Decoder.cs", "Homework.A6.Decoder");

    /// <summary>One attention head, used by the Transformer's multi-head attention.</summary>
    public static readonly Substitution AttentionHeadFile = new("A6/Transformer/AttentionHead.cs", "Homework.A6.AttentionHead");

    /// <summary>The Transformer's own deliverables 1–3, used by its Forward in the same file: each taken alone from the reference, the rest of the student's file kept.</summary>
    public static readonly Substitution[] TransformerParts =
        [.. new[] { "Embed", "MultiHeadAttention", "FeedForward" }.Select(m => new Substitution("A6/Transformer/TransformerTranslator.cs", "Homework.A6.TransformerTranslator", m))];

    /// <summary>The training loop, used by the experiments.</summary>
    public static readonly Substitution TrainingFile = new("A6/TranslationTraining.cs", "Homework.A6.TranslationTraining");

    protected A6Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
