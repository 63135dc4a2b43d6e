namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>The grader end to end, as a real process: the reference scores 100 %, the starter 0 % (not attempted), and a hostile submission is contained.</summary>
[NonParallelizable]
public sealed class HostileSubmissionTests
{
    /// <summary>Every method hostile in its own way.</summary>
    private static readonly Dictionary<string, string> Hostile = new()
    {
        ["FcForward"] = "while (true) { }",
        ["FcBackward"] = "return FcBackward(dout, cache);",
        ["ReluForward"] = "Environment.Exit(3); return default;",
        ["ReluBackward"] = "throw new InvalidOperationException(\"boom\");",
        ["SoftmaxLoss"] = "return (double.NaN, scores * double.NaN);",
    };

    [Test]
    public void The_reference_scores_full_marks()
    {
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Reference());
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("passed"));
        Assert.That(results.Values.Sum(r => r.Score), Is.EqualTo(results.Values.Sum(r => r.MaxScore)));
    }

    [Test]
    public void The_starter_scores_zero_with_every_check_not_attempted_and_no_traces()
    {
        var bin = Path.Combine(Repository.Root, "starter", "bin", Implementations.Configuration);
        var starter = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "Homework.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (starter is null)
        {
            Assert.Ignore("The starter is not built; build the solution first.");
        }

        var results = HostProcess.Grade(Implementations.Grader(), starter);
        Assert.That(results.Values.Select(r => r.Tag), Is.All.EqualTo("not-attempted"));
        Assert.That(results.Values.Sum(r => r.Score), Is.Zero);
        Assert.That(results.Values.Select(r => r.Output), Has.None.Contains(" at "), "no stack traces for untouched stubs");
    }

    [Test]
    public void Each_hostile_method_is_contained_and_reported_for_what_it_did()
    {
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("hostile", Hostile));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("timed-out"));
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("stack overflow"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.relu_forward"].Output, Does.Contain("exiting with code 3"));
            Assert.That(results["a1.relu_backward"].Output, Does.StartWith("InvalidOperationException: boom"));
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("NaN"));
            Assert.That(results.Where(r => r.Key.StartsWith("a1.fc_", StringComparison.Ordinal) || r.Key.StartsWith("a1.relu_", StringComparison.Ordinal) || r.Key == "a1.softmax_loss").Sum(r => r.Value.Score), Is.Zero);
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("passed"), "the model is graded with the reference's layers in place of the hostile ones");
        });
    }

    /// <summary>Seeded bugs (mutants of the reference): each is caught by the check on its member, with the likely bug named.</summary>
    [Test]
    public void Mutants_are_caught_and_the_likely_bug_is_named()
    {
        var mutants = new Dictionary<string, string>
        {
            ["FcForward"] = "return (x.MatMul(w), new FcCache(x, w, b));",
            ["FcBackward"] = "return (dout.MatMul(cache.W.T), dout.T.MatMul(cache.X), Tensor.OnesLike(dout).Sum(0));",
            ["ReluBackward"] = "return Tensor.Where(cache.Gt(0.0), -dout, Tensor.ZerosLike(dout));",
            ["SoftmaxLoss"] = "var n = scores.Shape[0]; var s = scores - scores.Max(1, keepDim: true).Values; var lp = s - s.Exp().Sum(1, keepDim: true).Log(); return (-lp.Gather(1, y.Unsqueeze(1)).Sum().Item() / n, lp.Exp() - y.OneHot(scores.Shape[1]).To(scores.DType));",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("mutants", mutants));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.fc_backward"].Score, Is.EqualTo(1).Within(1e-9), "dX right, dW and db wrong: one third of 3 points");
            Assert.That(results["a1.fc_backward"].Output, Does.Contain("dw equals the transpose").And.Contain("upstream gradient (dout) is not used"));
            Assert.That(results["a1.relu_backward"].Output, Does.Contain("opposite sign"));
            Assert.That(results["a1.softmax_loss"].Score, Is.EqualTo(1.5).Within(1e-9), "loss right, dX wrong: half of 3 points");
            Assert.That(results["a1.softmax_loss"].Output, Does.Contain("1/N) is missing"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("passed"), "unmutated members still pass");
        });
    }

    /// <summary>Seeded bugs in the A1 models, update rules and solver: each is caught by its own check, which says what is wrong.</summary>
    [Test]
    public void Model_and_solver_mutants_are_caught_by_their_own_checks()
    {
        var mutants = new Dictionary<string, string>
        {
            ["Adam.Step"] = "T++; M = (Beta1 * (M ?? Tensor.ZerosLike(w))) + ((1 - Beta1) * dw); V = (Beta2 * (V ?? Tensor.ZerosLike(w))) + ((1 - Beta2) * dw.Square()); return w - (LearningRate * M / (V.Sqrt() + Epsilon));",
            ["SgdMomentum.Step"] = "var velocity = Velocity ?? Tensor.ZerosLike(w); return w + (Momentum * velocity) - (LearningRate * dw);",
            ["SoftmaxClassifier.Loss"] = "var w = Parameters[\"W\"]; var (s, c) = Layers.FcForward(x, w, Parameters[\"b\"]); var (l, ds) = Layers.SoftmaxLoss(s, y); var (_, dw, db) = Layers.FcBackward(ds, c); return (l + (Reg * w.Square().Sum().Item()), new Dictionary<string, Tensor> { [\"W\"] = dw + (2 * Reg * w), [\"b\"] = db });",
            ["Solver.Train"] = "var n = _data.XTrain.Shape[0]; for (var e = 0; e < Options.Epochs; e++) { var order = Tensor.Randperm(_generator, n); for (var s = 0; s < n / Options.BatchSize; s++) { var i = order.Narrow(0, s * Options.BatchSize, Options.BatchSize); Step(_data.XTrain.IndexSelect(0, i), _data.YTrain.IndexSelect(0, i)); } var v = CheckAccuracy(_data.XVal, _data.YVal); _validationAccuracyHistory.Add(v); _trainAccuracyHistory.Add(v); if (v > BestValidationAccuracy) { BestValidationAccuracy = v; BestParameters = _model.Parameters.ToDictionary(p => p.Key, p => p.Value.Clone()); } }",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("model-mutants", mutants));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.adam"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.adam"].Output, Does.Contain("first step from zero moments"));
            Assert.That(results["a1.sgd_momentum"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.sgd_momentum"].Output, Does.Contain("velocity (step 1)"));
            Assert.That(results["a1.softmax_classifier"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.softmax_classifier"].Output, Does.Contain("loss[").And.Contain("dW["));
            Assert.That(results["a1.solver_train"].Tag, Is.EqualTo("failed"));
            Assert.That(results["a1.solver_train"].Output, Does.Contain("learning rate after training").And.Contain("does not hold BestParameters"));
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("passed"), "unmutated members still pass");
            Assert.That(results["a1.solver_step"].Tag, Is.EqualTo("passed"));
        });
    }

    /// <summary>Student code that finds an argument of the host process (--repo, --out) through /proc, as an attacker would.</summary>
    private const string ParentArgument = "string Arg(string name) { var ppid = File.ReadAllText(\"/proc/self/stat\").Split(' ')[3]; var args = File.ReadAllText($\"/proc/{ppid}/cmdline\").Split('\\0'); return args[Array.IndexOf(args, name) + 1]; }";

    /// <summary>
    /// Tampering: a submission that kills its worker with FailFast, copies public expected values from the fixtures, rewrites a
    /// fixture and the reference's Homework.dll on disk, and forges the host's results.json. Public fixtures are public by design
    /// (so the copy earns that public check), but expected values are settled before student code runs, hidden checks draw
    /// per-student inputs, and the host writes its result files last. Run unconfined (--no-sandbox, as a student's own
    /// machine runs): these guarantees hold even there; in the sandbox the files are not even in sight (SandboxTests).
    /// </summary>
    [Test]
    public void Tampering_with_fixtures_the_reference_or_the_result_files_gains_nothing()
    {
        var repo = Directory.CreateTempSubdirectory("autograder-tamper-").FullName;
        File.WriteAllText(Path.Combine(repo, "Autograder.sln"), "");
        TestFiles.Copy(Path.Combine(Repository.Root, "grading", "fixtures"), Path.Combine(repo, "grading", "fixtures"));
        var referenceBin = Path.GetDirectoryName(Implementations.Reference())!;
        TestFiles.Copy(referenceBin, Path.Combine(repo, "reference", "bin", "Release", "net10.0"));
        TestFiles.Copy(Path.Combine(Repository.Root, "reference", "A1"), Path.Combine(repo, "reference", "A1"));
        var tampering = new Dictionary<string, string>
        {
            ["FcForward"] = "Environment.FailFast(\"giving up\"); return default;",
            ["FcBackward"] = "HELPER var f = Autograder.Tensors.IO.Npz.Read(Path.Combine(Arg(\"--repo\"), \"grading/fixtures/a1.fc_backward.npz\")); return (f[\"dx\"], f[\"dw\"], f[\"db\"]);",
            ["ReluForward"] = "HELPER var path = Path.Combine(Arg(\"--repo\"), \"grading/fixtures/a1.relu_forward.npz\"); var forged = Autograder.Tensors.IO.Npz.Read(path).ToDictionary(); forged[\"out\"] = x; Autograder.Tensors.IO.Npz.Write(path, forged); File.WriteAllText(Path.Combine(Arg(\"--out\"), \"results.json\"), \"{\\\"score\\\": 100}\"); return (x, x);",
            ["ReluBackward"] = "HELPER foreach (var dll in Directory.EnumerateFiles(Path.Combine(Arg(\"--repo\"), \"reference\"), \"Homework.dll\", SearchOption.AllDirectories)) { File.Copy(typeof(Layers).Assembly.Location, dll, overwrite: true); } return Tensor.Where(cache.Gt(0.0), -dout, Tensor.ZerosLike(dout));",
        }.ToDictionary(kv => kv.Key, kv => kv.Value.Replace("HELPER", ParentArgument, StringComparison.Ordinal));
        try
        {
            var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("tampering", tampering), repo, "--student-id", "s42", "--no-sandbox");
            Assert.Multiple(() =>
            {
                Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("errored"));
                Assert.That(results["a1.fc_forward"].Output, Does.Contain("the worker stopped during this check"));
                Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("passed"), "public expected values are public: copying them earns the public check");
                Assert.That(results["a1.fc_backward_hidden"].Tag, Is.EqualTo("failed"), "but not the hidden one, drawn for this student");
                Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("failed"), "the rewritten fixture was read before the submission ran");
                Assert.That(results["a1.relu_backward"].Output, Does.Contain("opposite sign"));
                Assert.That(results["a1.two_layer_net_hidden"].Tag, Is.EqualTo("passed"), "the hidden expected values come from the real reference, computed before the dll was overwritten");
                Assert.That(results, Has.Count.GreaterThan(10), "results.json is the host's, not the forged one");
            });
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    /// <summary>
    /// The course's rule: A1's and A3's backward passes are written by hand. The same gradients through the library's autograd
    /// (even on another thread) get no points and a message naming the rule; the checks that allow autograd are untouched.
    /// </summary>
    [Test]
    public void Backward_passes_that_call_autograd_break_the_course_rule_and_say_so()
    {
        var autograd = new Dictionary<string, string>
        {
            ["FcBackward"] = "var (x, w, b) = (cache.X.Detach().RequireGrad(), cache.W.Detach().RequireGrad(), cache.B.Detach().RequireGrad()); (x.MatMul(w) + b).Backward(dout); return (x.Grad!, w.Grad!, b.Grad!);",
            ["ReluBackward"] = "var x = cache.Detach().RequireGrad(); Task.Run(() => x.Relu().Backward(dout)).Wait(); return x.Grad!;",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("autograd", autograd), null, "--student-id", "s3");
        Assert.Multiple(() =>
        {
            foreach (var id in new[] { "a1.fc_backward", "a1.fc_backward_hidden", "a1.relu_backward" })
            {
                Assert.That(results[id].Score, Is.Zero, id);
                Assert.That(results[id].Output, Does.Contain("written by hand").And.Contain("autograd is switched off"), id);
            }

            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("passed"));
            Assert.That(results["a1.two_layer_net"].Tag, Is.EqualTo("passed"), "graded with the reference's layers in place of the rule-breaking ones");
        });
    }

    /// <summary>Resource attacks: allocating without end hits the worker's heap cap; flooding stdout without newlines is timed out while the host's memory stays bounded.</summary>
    [Test]
    public void Memory_and_output_floods_are_contained()
    {
        var floods = new Dictionary<string, string>
        {
            ["FcForward"] = "var hoard = new List<double[]>(); while (true) { hoard.Add(new double[1 << 20]); }",
            ["ReluForward"] = "var junk = new string('x', 1 << 16); while (true) { Console.Out.Write(junk); }",
        };
        var results = HostProcess.Grade(Implementations.Grader(), Implementations.Variant("floods", floods));
        Assert.Multiple(() =>
        {
            Assert.That(results["a1.fc_forward"].Tag, Is.EqualTo("errored"));
            Assert.That(results["a1.fc_forward"].Output, Does.Contain("OutOfMemory").Or.Contain("out of memory"));
            Assert.That(results["a1.relu_forward"].Tag, Is.EqualTo("timed-out"));
            Assert.That(results["a1.fc_backward"].Tag, Is.EqualTo("passed"), "the other checks are still graded");
            Assert.That(results["a1.softmax_loss"].Tag, Is.EqualTo("passed"));
        });
    }
}
