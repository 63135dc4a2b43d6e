namespace Autograder.Grading.Checks;

/// <summary>A part of the homework that a composite check may take from the reference when the student's own version is faulty.</summary>
/// <remarks>
/// Example: the two-layer net's loss check names <c>A1/Layers.cs</c> (type <c>Homework.A1.Layers</c>). When a check on a member of
/// that type fails, the composite is graded again on a build of the student's sources with the reference's file in place of
/// theirs, so one broken <c>FcBackward</c> costs its own points but does not zero every model check.
/// </remarks>
/// <param name="File">The source file, relative to the homework project (e.g. <c>A1/Layers.cs</c>).</param>
/// <param name="Type">The type it defines (e.g. <c>Homework.A1.Layers</c>): checks whose targets are its members decide whether to substitute.</param>
/// <param name="Member">
/// One method of that type to take from the reference, the rest of the student's file kept (for a composite that lives in the
/// same file as the parts it calls, such as the style loss beside the Gram matrix); null for the whole file.
/// </param>
public sealed record Substitution(string File, string Type, string? Member = null)
{
    /// <summary>Gets what is taken from the reference, for messages: the file, or <c>Type.Member</c>.</summary>
    public string Description => Member is null ? File : $"{Type[(Type.LastIndexOf('.') + 1)..]}.{Member}";

    /// <summary>Whether a check that targets <paramref name="member"/> (<c>Type.Method</c>, or a trace frame <c>Type.Method(…)</c>) is about this part.</summary>
    public bool Covers(string member) => Member is null
        ? member?.StartsWith(Type + ".", StringComparison.Ordinal) == true
        : member is not null && (member == $"{Type}.{Member}" || member.StartsWith($"{Type}.{Member}(", StringComparison.Ordinal));
}
