using System.Text;
using Autograder.Grading.Building;
using Autograder.Grading.Tests.EndToEnd;

namespace Autograder.Grading.Tests.Building;

/// <summary>Building submissions: copied, not linked; names are names; nothing above the build folder takes part; the cache is checked on reuse.</summary>
[NonParallelizable]
public sealed class HomeworkBuilderTests
{
    private string _root = "";
    private HomeworkBuilder _builder = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("autograder-builder-").FullName;
        _builder = new HomeworkBuilder(Path.GetDirectoryName(Implementations.Grader().Prefix[0])!, Path.Combine(_root, "cache"));
    }

    [TearDown]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Identical_submissions_share_one_build_that_names_neither_folder()
    {
        var first = Submission("student-alpha");
        var second = Submission("student-beta");
        var built = _builder.Build(first);
        var again = _builder.Build(second);
        Assert.That(built.Homework, Is.Not.Null, string.Join("\n", built.Errors));
        var bytes = File.ReadAllBytes(built.Homework!).Concat(File.ReadAllBytes(Path.ChangeExtension(built.Homework!, ".pdb"))).ToArray();
        var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(again.Homework, Is.EqualTo(built.Homework), "built once");
            Assert.That(text, Does.Not.Contain("student-alpha").And.Not.Contain("student-beta"));
            Assert.That(Documents(Path.ChangeExtension(built.Homework!, ".pdb")), Does.Contain("/submission/A1/Layers.cs"), "sources are named as the student knows them");
        });
    }

    [Test]
    public void A_link_out_of_the_submission_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "linked")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "A1"), Path.Combine(Repository.Root, "reference", "A1"));
        var build = _builder.Build(folder);
        Assert.That(build.Homework, Is.Null);
        Assert.That(build.Errors, Has.Some.Contains("A1 is a symbolic link").And.Some.Contains("plain files only"));
    }

    [Test]
    public void A_name_with_msbuild_syntax_is_refused_before_anything_is_built()
    {
        var folder = Submission("names");
        File.WriteAllText(Path.Combine(folder, "A1", "Z;$(PWD)%2Freference%2FA1%2FLayers.cs"), "// nothing\n");
        var build = _builder.Build(folder);
        Assert.That(build.Homework, Is.Null);
        Assert.That(build.Errors, Has.Some.Contains("Z;$(PWD)%2Freference%2FA1%2FLayers.cs: the name holds characters"));
        Assert.That(Directory.Exists(Path.Combine(_root, "cache")), Is.False, "nothing was built");
    }

    [Test]
    public void Files_planted_above_the_build_folder_take_no_part()
    {
        var cache = Directory.CreateDirectory(Path.Combine(_root, "cache")).FullName;
        var marker = Path.Combine(_root, "planted-target-ran");
        File.WriteAllText(Path.Combine(cache, "Directory.Build.targets"), $"<Project><Target Name=\"Planted\" BeforeTargets=\"Build\"><Touch Files=\"{marker}\" AlwaysCreate=\"true\" /></Target></Project>");
        File.WriteAllText(Path.Combine(cache, "Directory.Build.props"), "<Project><PropertyGroup><DefineConstants>PLANTED</DefineConstants><AssemblyName>Other</AssemblyName></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(cache, "Directory.Build.rsp"), "-p:AssemblyName=Other");
        File.WriteAllText(Path.Combine(cache, "global.json"), "{ \"sdk\": { \"version\": \"1.0.0\" } }");
        var build = _builder.Build(Submission("planted"));
        Assert.Multiple(() =>
        {
            Assert.That(build.Homework, Is.Not.Null, string.Join("\n", build.Errors));
            Assert.That(File.Exists(marker), Is.False, "the planted Directory.Build.targets did not run");
        });
    }

    [Test]
    public void A_cached_build_that_was_changed_is_built_again()
    {
        var folder = Submission("tampered");
        var built = _builder.Build(folder).Homework!;
        var original = File.ReadAllBytes(built);
        File.WriteAllBytes(built, [.. original.Take(original.Length - 1), 0x42]);
        var again = _builder.Build(folder).Homework!;
        Assert.That(File.ReadAllBytes(again), Is.EqualTo(original));
    }

    [Test]
    public void A_build_past_its_time_limit_is_a_compile_error()
    {
        _builder.TimeLimit = TimeSpan.FromMilliseconds(1);
        var build = _builder.Build(Submission("slow"));
        Assert.That(build.Homework, Is.Null);
        Assert.That(build.Errors.Single(), Does.Contain("the build took longer than"));
    }

    /// <summary>The source file names a portable PDB records.</summary>
    private static List<string> Documents(string pdb)
    {
        using var provider = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        var reader = provider.GetMetadataReader();
        return [.. reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name))];
    }

    /// <summary>A copy of the reference's A1 in a folder of its own.</summary>
    /// <summary>MSBuild takes environment variables as properties: a sandboxed build sees none of the host's, an unconfined one does.</summary>
    [Test]
    public void A_sandboxed_build_compiles_without_the_hosts_environment()
    {
        if (Sandbox.Bubblewrap.WhyUnavailable is { } why)
        {
            Assert.Ignore($"The sandbox cannot run here: {why}.");
        }

        var folder = Submission("environment");
        File.WriteAllText(Path.Combine(folder, "A1", "Planted.cs"), "#if HOST_ENVIRONMENT\nthis line does not compile\n#endif\n");
        Environment.SetEnvironmentVariable("DefineConstants", "HOST_ENVIRONMENT");
        try
        {
            var unconfined = new HomeworkBuilder(Path.GetDirectoryName(Implementations.Grader().Prefix[0])!, Path.Combine(_root, "cache-unconfined")).Build(folder);
            _builder.Sandbox = new Sandbox.SandboxPolicy();
            var sandboxed = _builder.Build(folder);
            Assert.Multiple(() =>
            {
                Assert.That(unconfined.Homework, Is.Null, "the variable reaches an unconfined build (the control)");
                Assert.That(sandboxed.Homework, Is.Not.Null, string.Join("\n", sandboxed.Errors));
                Assert.That(File.Exists(sandboxed.Homework), Is.True);
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("DefineConstants", null);
        }
    }

    private string Submission(string name)
    {
        var folder = Path.Combine(_root, name);
        TestFiles.Copy(Path.Combine(Repository.Root, "reference", "A1"), Path.Combine(folder, "A1"), "*.cs", recursive: true);
        return folder;
    }
}
