namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Composite checks are isolated from faulty parts, and a submission folder is built by the grader (a compile error is a result).</summary>
[NonParallelizable]
public sealed class FaultIsolationTests
{
    [Test]
    public void A_broken_FcBackward_costs_its_own_points_but_not_the_model_checks()
    {
        var broken = Implementations.Variant("broken-layers", new Dictionary<string, string>
        {
            ["Layers.FcBackward"] = "return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), dout.Sum(0));",
        });
        var results = HostProcess.Grade(Implementations.Grader(), broken);
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("failed"));
            foreach (var id in new[] { "a1.two_layer_net", "a1.two_layer_net_hidden", "a1.softmax_classifier" })
            {
                Assert.That(results[id].Tag, Is.EqualTo("passed"), id);
                Assert.That(results[id].Output, Does.StartWith("graded with the reference's A1/Layers.cs in place of yours, because a1.fc_backward"), id);
            }
        });
    }

    [Test]
    public void A_fault_in_the_model_itself_is_still_caught_when_the_layers_are_substituted()
    {
        var broken = Implementations.Variant("broken-model", new Dictionary<string, string>
        {
            ["Layers.ReluBackward"] = "return dout;",
            ["TwoLayerNet.Scores"] = "return Layers.FcForward(Layers.FcForward(x, Parameters[\"W1\"], Parameters[\"b1\"]).Out, Parameters[\"W2\"], Parameters[\"b2\"]).Out;",
        });
        var results = HostProcess.Grade(Implementations.Grader(), broken);
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.relu_backward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.two_layer_net"].Output, Does.Contain("graded with the reference's A1/Layers.cs").And.Contain("scores["));
            Assert.That(results["a1.two_layer_net"].Score, Is.EqualTo(4).Within(1e-9), "only the scores are wrong once ReluBackward is the reference's");
        });
    }

    /// <summary>A2 mutants: an unflipped kernel is named by its own check, and the layer check is isolated from it; a pooling gradient spread over the whole window is caught.</summary>
    [Test]
    public void A2_mutants_are_caught_and_the_layer_is_isolated_from_a_wrong_valid_convolution()
    {
        var mutants = Implementations.Variant("a2-mutants", new Dictionary<string, string>
        {
            ["Convolution.Valid"] = "return Filter(x, k);",
            ["MaxPool.Backward"] = "var x = cache.X; var (n, c, h, w) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]); var (oh, ow) = (dout.Shape[2], dout.Shape[3]); var up = dout.ToArray<double>(); var dx = new double[n * c * h * w]; for (var p = 0; p < n * c; p++) for (var i = 0; i < oh; i++) for (var j = 0; j < ow; j++) for (var a = 0; a < cache.Size; a++) for (var b = 0; b < cache.Size; b++) dx[(p * h * w) + (((i * cache.Stride) + a) * w) + (j * cache.Stride) + b] += up[(p * oh * ow) + (i * ow) + j]; return Tensor.FromArray(dx, n, c, h, w);",
        });
        var results = HostProcess.Grade(Implementations.Grader(), mutants);
        Assert.Multiple(() =>
        {
            Assert.That(results["a2.conv_operations"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.conv_operations"].Output, Does.Contain("the kernel must be flipped"));
            Assert.That(results["a2.conv_layer"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a2.conv_layer"].Output, Does.StartWith("graded with the reference's A2/Convolution.cs"));
            Assert.That(results["a2.max_pool"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a2.max_pool"].Output, Does.Contain("dx (2×2, stride 2)"));
        });
    }

    [Test]
    public void A_submission_that_does_not_compile_scores_zero_with_the_compilers_messages()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-submission-").FullName;
        try
        {
            TestFiles.Copy(Path.Combine(Repository.Root, "starter", "A1"), Path.Combine(folder, "A1"), "*.cs", recursive: true);
            var layers = Path.Combine(folder, "A1", "Layers.cs");
            File.WriteAllText(layers, File.ReadAllText(layers).Replace("public static class Layers", "public static class Layers oops", StringComparison.Ordinal));
            var results = HostProcess.Grade(Implementations.Grader(), folder);
            Assert.Multiple(() =>
            {
                Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("errored"));
                Assert.That(results.Values.Sum(r => r.Score), Is.Zero);
                var output = results["a1.fc_forward"].Output;
                Assert.That(output, Does.StartWith("your code does not compile"));
                Assert.That(output, Does.Contain("A1/Layers.cs(").And.Contain("error CS"));
                Assert.That(output, Does.Not.Contain(folder), "paths are shown relative to the submission");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_submission_folder_outside_the_repository_is_built_and_graded()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-submission-").FullName;
        try
        {
            // A complete submission: the reference's sources (every assignment folder) without any project file, as an upload would hold them.
            foreach (var assignment in Directory.GetDirectories(Path.Combine(Repository.Root, "reference"), "A*"))
            {
                TestFiles.Copy(assignment, Path.Combine(folder, Path.GetFileName(assignment)), "*.cs", recursive: true);
            }
            var results = HostProcess.Grade(Implementations.Grader(), folder);
            Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("passed"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
