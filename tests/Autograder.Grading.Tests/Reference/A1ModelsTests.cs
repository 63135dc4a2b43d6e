using Autograder.Tensors;
using Autograder.Tensors.NN;
using Homework.A1;

namespace Autograder.Grading.Tests.Reference;

/// <summary>The A1 reference models, update rules and solver against independent oracles: autograd, hand-computed steps, learning on real structure.</summary>
public sealed class A1ModelsTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Generator(seed), shape, DType.Float64);

    [Test]
    public void Two_layer_net_loss_and_gradients_equal_autograd_of_the_same_formula()
    {
        var model = new TwoLayerNet(5, 7, 4, 1.0, 0.7, new Generator(1));
        var (x, y) = (R(2, 6, 5), Tensor.Randint(new Generator(3), 0, 4, [6]));
        var (loss, gradients) = model.Loss(x, y);

        var p = model.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.Clone().RequireGrad());
        var scores = (x.MatMul(p["W1"]) + p["b1"]).Relu().MatMul(p["W2"]) + p["b2"];
        var expected = Functional.CrossEntropy(scores, y) + (0.5 * 0.7 * (p["W1"].Square().Sum() + p["W2"].Square().Sum()));
        expected.Backward();
        Assert.That(loss, Is.EqualTo(expected.Item()).Within(1e-12));
        foreach (var name in p.Keys)
        {
            Assert.That(gradients[name].AllClose(p[name].Grad!, 1e-10), Is.True, name);
        }

        Assert.That(model.Scores(x).AllClose(scores.Detach(), 1e-12), Is.True);
    }

    [Test]
    public void Softmax_classifier_loss_and_gradients_equal_autograd()
    {
        var model = new SoftmaxClassifier(4, 3, 1.0, 0.3, new Generator(4));
        model.Parameters["b"] = R(5, 3);
        var (x, y) = (R(6, 5, 4), Tensor.Randint(new Generator(7), 0, 3, [5]));
        var (loss, gradients) = model.Loss(x, y);
        var (w, b) = (model.Parameters["W"].Clone().RequireGrad(), model.Parameters["b"].Clone().RequireGrad());
        var expected = Functional.CrossEntropy(x.MatMul(w) + b, y) + (0.15 * w.Square().Sum());
        expected.Backward();
        Assert.That(loss, Is.EqualTo(expected.Item()).Within(1e-12));
        Assert.That(gradients["W"].AllClose(w.Grad!, 1e-10), Is.True);
        Assert.That(gradients["b"].AllClose(b.Grad!, 1e-10), Is.True);
    }

    /// <summary>w = 1, dw = 2, lr 0.1, momentum 0.9, v = 0.5: v' = 0.45 − 0.2 = 0.25, w' = 1.25; then dw = −1: v'' = 0.225 + 0.1 = 0.325, w'' = 1.575.</summary>
    [Test]
    public void Sgd_momentum_matches_a_hand_computed_step()
    {
        var rule = new SgdMomentum(0.1, 0.9) { Velocity = Tensor.Scalar(0.5, DType.Float64) };
        var w = rule.Step(Tensor.Scalar(1.0, DType.Float64), Tensor.Scalar(2.0, DType.Float64));
        Assert.That(w.Item(), Is.EqualTo(1.25).Within(1e-15));
        w = rule.Step(w, Tensor.Scalar(-1.0, DType.Float64));
        Assert.That(rule.Velocity!.Item(), Is.EqualTo(0.325).Within(1e-15));
        Assert.That(w.Item(), Is.EqualTo(1.575).Within(1e-15));
    }

    /// <summary>Adam's first step from zero moments moves every coordinate by lr · sign(dw) (up to ε): m̂ = dw, v̂ = dw².</summary>
    [Test]
    public void Adam_first_step_moves_each_coordinate_by_the_learning_rate()
    {
        var w = R(8, 3, 4);
        var dw = R(9, 3, 4) * 10.0;
        var next = new Adam(1e-2).Step(w, dw);
        var moved = (w - next) / 1e-2;
        Assert.That(moved.AllClose(dw / dw.Abs(), 1e-6), Is.True);
    }

    /// <summary>With lr 0.1, β₁ 0.5, β₂ 0.5, ε 0, w 1, dw 2 then 4: step 1 moves 0.1; step 2: m = 2.5, v = 9, m̂ = 10/3, v̂ = 12, moves 0.1·(10/3)/√12.</summary>
    [Test]
    public void Adam_matches_a_hand_computed_second_step()
    {
        var rule = new Adam(0.1, 0.5, 0.5, 0);
        var w = rule.Step(Tensor.Scalar(1.0, DType.Float64), Tensor.Scalar(2.0, DType.Float64));
        w = rule.Step(w, Tensor.Scalar(4.0, DType.Float64));
        Assert.That(rule.T, Is.EqualTo(2));
        Assert.That(w.Item(), Is.EqualTo(1 - 0.1 - (0.1 * (10.0 / 3) / Math.Sqrt(12.0))).Within(1e-14));
    }

    [Test]
    public void Solver_trains_a_two_layer_net_on_real_mnist_digits()
    {
        var folder = Path.Combine(Repository.Root, "data", "mnist-small");
        var train = Autograder.Data.Datasets.Mnist.Load(folder, train: true, limit: 3000);
        var x = train.Images.Reshape(3000, -1).To(DType.Float64);
        var y = train.Labels;
        var data = new TrainingData(x.Narrow(0, 0, 2500), y.Narrow(0, 0, 2500), x.Narrow(0, 2500, 500), y.Narrow(0, 2500, 500));
        var model = new TwoLayerNet(784, 64, 10, 1e-2, 1e-4, new Generator(11));
        var solver = new Solver(model, data, new SolverOptions { UpdateRule = () => new Adam(1e-3), Epochs = 5, BatchSize = 50, LearningRateDecay = 0.9, Seed = 5 });
        solver.Train();

        Assert.That(solver.LossHistory, Has.Count.EqualTo(5 * 50));
        Assert.That(solver.LossHistory.Take(10).Average(), Is.GreaterThan(solver.LossHistory.TakeLast(10).Average() * 2), "the loss falls");
        Assert.That(solver.BestValidationAccuracy, Is.GreaterThan(0.85), "a two-layer net on 2,500 digits");
        Assert.That(solver.CheckAccuracy(data.XVal, data.YVal), Is.EqualTo(solver.BestValidationAccuracy), "the best parameters are restored");
        Assert.That(solver.UpdateRules.Values.First().LearningRate, Is.EqualTo(1e-3 * Math.Pow(0.9, 5)).Within(1e-15));
    }
}
