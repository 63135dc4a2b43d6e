using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grading.Building;

/// <summary>
/// Puts the reference's body of some methods into a student's source file, leaving the rest of the student's file as it is:
/// how a composite check is graded with one faulty method replaced when its neighbours in the same file are the student's
/// own (the Gram matrix beside the style loss that calls it). Roslyn parses both files, so formatting, comments and
/// strings in the student's code cannot confuse it.
/// </summary>
public static class MemberTransplant
{
    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>The student's file with each named method's body taken from the reference's; or why that cannot be done.</summary>
    /// <param name="student">The student's source file.</param>
    /// <param name="reference">The reference's version of that file.</param>
    /// <param name="type">The type holding the methods (full name, e.g. <c>Homework.A4.StyleLosses</c>).</param>
    /// <param name="members">The methods' names; every overload with a matching parameter list is transplanted.</param>
    public static (string? Text, string? Problem) Apply(string student, string reference, string type, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(members);
        var studentRoot = CSharpSyntaxTree.ParseText(student, Options).GetCompilationUnitRoot();
        var referenceRoot = CSharpSyntaxTree.ParseText(reference, Options).GetCompilationUnitRoot();
        var simpleName = type[(type.LastIndexOf('.') + 1)..];
        var replacements = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
        foreach (var member in members)
        {
            var given = Methods(referenceRoot, simpleName, member).ToDictionary(Signature);
            var theirs = Methods(studentRoot, simpleName, member).ToList();
            if (given.Count == 0 || theirs.Count == 0)
            {
                return (null, $"{simpleName}.{member} is not in {(given.Count == 0 ? "the reference's" : "your")} file");
            }

            foreach (var method in theirs)
            {
                if (!given.TryGetValue(Signature(method), out var source))
                {
                    return (null, $"your {simpleName}.{member}({Signature(method)}) has other parameters than the reference's");
                }

                replacements[method] = method.WithBody(source.Body).WithExpressionBody(source.ExpressionBody).WithSemicolonToken(source.SemicolonToken);
            }
        }

        return (studentRoot.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]).ToFullString(), null);
    }

    private static IEnumerable<MethodDeclarationSyntax> Methods(CompilationUnitSyntax root, string type, string member) =>
        root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.ValueText == type)
            .SelectMany(t => t.Members.OfType<MethodDeclarationSyntax>()).Where(m => m.Identifier.ValueText == member);

    /// <summary>The parameter types, white space removed: overloads are told apart by them.</summary>
    private static string Signature(MethodDeclarationSyntax method) =>
        string.Join(", ", method.ParameterList.Parameters.Select(p => string.Concat((p.Type?.ToString() ?? "").Where(c => !char.IsWhiteSpace(c)))));
}
