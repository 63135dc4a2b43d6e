using Autograder.Grading.Starter;

namespace Autograder.Grading.Tests.Starter;

public sealed class StarterGeneratorTests
{
    private const string Reference = """
        namespace Homework;

        /// <summary>Doc stays.</summary>
        public static class Demo
        {
            /// <summary>Adds.</summary>
            public static int Add(int a, int b)
            {
                // BEGIN SOLUTION (hint: use "+")
                return a + b;
                // END SOLUTION
            }

            // BEGIN SOLUTION REMOVE
            private static int Helper() => 1;
            // END SOLUTION

            public static int Plain() => 2;

            // BEGIN SOLUTION REMOVE (hint: a field for the state)
            private static int _state;
            // END SOLUTION
        }
        """;

    [Test]
    public void Regions_become_stubs_with_their_hint_or_disappear()
    {
        var starter = StarterGenerator.Transform("Demo.cs", Reference);
        Assert.That(starter, Does.StartWith(StarterGenerator.Banner));
        Assert.That(starter, Does.Contain("        throw new NotImplementedException(\"TODO: use \\\"+\\\"\");"));
        Assert.That(starter, Does.Not.Contain("return a + b;").And.Not.Contain("Helper").And.Not.Contain("SOLUTION"));
        Assert.That(starter, Does.Contain("/// <summary>Adds.</summary>").And.Contain("public static int Plain() => 2;"));
        Assert.That(starter, Does.Contain("\n    // TODO: a field for the state\n").And.Not.Contain("_state"));
    }

    [TestCase("// BEGIN SOLUTION\nx\n", "Demo.cs(1): BEGIN SOLUTION is never closed")]
    [TestCase("x\n// END SOLUTION\n", "Demo.cs(2): END SOLUTION without a BEGIN SOLUTION")]
    [TestCase("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n", "Demo.cs(2): BEGIN SOLUTION inside the region opened at line 1")]
    public void Malformed_markers_are_reported_at_their_line(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => StarterGenerator.Transform("Demo.cs", text));
        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void The_committed_starter_is_the_one_the_reference_generates()
    {
        var problems = StarterGenerator.Verify(Path.Combine(Repository.Root, "reference"), Path.Combine(Repository.Root, "starter"));
        Assert.That(problems, Is.Empty, "run 'dotnet run --project grading -- starter sync'");
    }

    [Test]
    public void Verify_names_a_drifted_file_and_sync_repairs_it()
    {
        var root = Directory.CreateTempSubdirectory("starter-").FullName;
        var reference = Path.Combine(root, "reference");
        var starter = Path.Combine(root, "starter");
        Directory.CreateDirectory(reference);
        File.WriteAllText(Path.Combine(reference, "Demo.cs"), Reference);
        Assert.That(StarterGenerator.Sync(reference, starter), Is.EqualTo(new[] { "Demo.cs" }));
        File.AppendAllText(Path.Combine(starter, "Demo.cs"), "// edited\n");
        File.WriteAllText(Path.Combine(starter, "Stray.cs"), "");
        var problems = StarterGenerator.Verify(reference, starter);
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.StartWith("Demo.cs: differs"));
        Assert.That(problems[1], Does.StartWith("Stray.cs: in the starter but not generated"));
        StarterGenerator.Sync(reference, starter);
        Assert.That(StarterGenerator.Verify(reference, starter), Is.Empty);
        Directory.Delete(root, recursive: true);
    }
}
