using Autograder.Grading.Building;
using Autograder.Grading.Checks;

namespace Autograder.Grading.Tests.Building;

/// <summary>Taking one method's body from the reference into a student's file, the rest of their file kept.</summary>
public sealed class MemberTransplantTests
{
    private const string Reference = """
        namespace Homework.A4;

        public static class StyleLosses
        {
            public static int Gram(int f)
            {
                // BEGIN SOLUTION
                return f * f;
                // END SOLUTION
            }

            public static int Gram(int f, bool normalize) => normalize ? Gram(f) / 2 : Gram(f);

            public static int Style(int f) => Gram(f) + 1;
        }
        """;

    private const string Student = """
        namespace Homework.A4;

        // A student's file: their own layout, comments and braces inside strings.
        public static class StyleLosses
        {
            public static int Gram(int f) { var note = "}{"; return f + f; } // wrong, and a brace in a string

            public static int Gram(int  f, bool normalize)
            {
                return normalize ? Gram(f) : 0;
            }

            public static int Style(int f)
            {
                /* theirs, kept */
                return Gram(f) + 1;
            }
        }
        """;

    [Test]
    public void Every_overload_of_the_named_method_gets_the_reference_s_body_and_nothing_else_changes()
    {
        var (text, problem) = MemberTransplant.Apply(Student, Reference, "Homework.A4.StyleLosses", ["Gram"]);
        Assert.That(problem, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("return f * f;").And.Not.Contain("return f + f;"));
            Assert.That(text, Does.Contain("=> normalize ? Gram(f) / 2 : Gram(f);"), "the overload matched by its parameter types, white space aside");
            Assert.That(text, Does.Contain("/* theirs, kept */").And.Contain("// A student's file"));
            Assert.That(text, Does.Contain("public static int Gram(int  f, bool normalize)"), "the student's signature is kept");
        });
    }

    [Test]
    public void A_method_missing_or_with_other_parameters_is_a_problem_not_a_wrong_file()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MemberTransplant.Apply(Student, Reference, "Homework.A4.StyleLosses", ["Content"]).Problem, Does.Contain("StyleLosses.Content is not in the reference's file"));
            var renamed = Student.Replace("int Style(int f)", "int Style(long f)", StringComparison.Ordinal);
            Assert.That(MemberTransplant.Apply(renamed, Reference, "Homework.A4.StyleLosses", ["Style"]).Problem, Does.Contain("your StyleLosses.Style(long) has other parameters"));
        });
    }

    [Test]
    public void A_member_substitution_covers_that_method_only()
    {
        var gram = new Substitution("A4/StyleLosses.cs", "Homework.A4.StyleLosses", "GramMatrix");
        var file = new Substitution("A4/StyleLosses.cs", "Homework.A4.StyleLosses");
        Assert.Multiple(() =>
        {
            Assert.That(gram.Covers("Homework.A4.StyleLosses.GramMatrix"), Is.True);
            Assert.That(gram.Covers("Homework.A4.StyleLosses.GramMatrix(Tensor features, Boolean normalize)"), Is.True, "a trace frame");
            Assert.That(gram.Covers("Homework.A4.StyleLosses.StyleLoss"), Is.False);
            Assert.That(gram.Covers("Homework.A4.StyleLosses.GramMatrixExtra"), Is.False);
            Assert.That(file.Covers("Homework.A4.StyleLosses.StyleLoss"), Is.True);
            Assert.That(gram.Description, Is.EqualTo("StyleLosses.GramMatrix"));
            Assert.That(file.Description, Is.EqualTo("A4/StyleLosses.cs"));
        });
    }
}
