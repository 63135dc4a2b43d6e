using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

public sealed class ModuleTests
{
    /// <summary>The Fashion-MNIST CNN of DESIGN.md (A2), written the way a student would, with discovered fields.</summary>
    private sealed class FashionCnn : Module<Tensor, Tensor>
    {
        private readonly Conv2d _conv1 = new(1, 16, 3, padding: 1);
        private readonly Conv2d _conv2 = new(16, 32, 3);
        private readonly Linear _fc1 = new(32 * 6 * 6, 600);
        private readonly Linear _fc2 = new(600, 120);
        private readonly Linear _fc3 = new(120, 10);
        private readonly Dropout _dropout = new(0.25);

        public override Tensor Forward(Tensor input)
        {
            var x = _conv1.Call(input).Relu().MaxPool2d(2);
            x = _conv2.Call(x).Relu().MaxPool2d(2).Flatten(1);
            x = _dropout.Call(_fc1.Call(x).Relu());
            return _fc3.Call(_fc2.Call(x).Relu()).LogSoftmax(1);
        }
    }

    // Sequential runs ReLU → MaxPool2d as MaxPool2d → ReLU. The two must agree bit for bit, forward and backward, in the cases
    // where the orders could differ: windows whose values are all negative (the ReLU's zeros tie; the pool's argmax moves),
    // exact zeros, a NaN, overlapping windows (gradients summed at a position), padding and ceil mode, and eval mode.
    [TestCase(2, 2, 0, false)]
    [TestCase(3, 2, 1, false)]
    [TestCase(3, 2, 0, true)]
    public void Sequential_relu_then_max_pool_matches_the_layers_one_by_one(int kernel, int stride, int padding, bool ceilMode)
    {
        Init.ManualSeed(7);
        var conv = new Conv2d(2, 3, 3, padding: 1);
        var pool = new MaxPool2d(kernel, stride, padding, ceilMode);
        var features = pool.Call(Tensor.Zeros(1, 3, 7, 7)).NumEl;
        var model = new Sequential(conv, new ReLU(), pool, new Flatten(), new Linear(features, 4, generator: new Generator(8)));
        // Values from a few halves so ties and zeros are common; one NaN.
        var random = new System.Random(9);
        var values = Enumerable.Range(0, 2 * 2 * 7 * 7).Select(_ => (random.Next(7) - 3) * 0.5f).ToArray();
        values[(1 * 49) + 24] = float.NaN;
        var input = Tensor.FromArray(values, 2, 2, 7, 7);

        var gradients = new List<float[]>();
        var outputs = new List<float[]>();
        foreach (var fused in new[] { true, false })
        {
            model.ZeroGrad();
            var x = input.Clone().RequireGrad();
            var y = fused ? model.Call(x) : model[4].Call(model[3].Call(model[2].Call(model[1].Call(model[0].Call(x)))));
            (y * Tensor.Arange(y.NumEl).Reshape(y.Shape.ToArray()).To(DType.Float32)).Sum().Backward();
            outputs.Add(y.ToArray<float>());
            gradients.Add([.. x.Grad!.ToArray<float>(), .. conv.Weight.Grad!.ToArray<float>(), .. conv.Bias!.Grad!.ToArray<float>()]);
        }

        Assert.That(BitConverter.SingleToInt32Bits(outputs[0][0]), Is.Not.EqualTo(0), "the output should not vanish");
        Assert.That(outputs[0].Select(BitConverter.SingleToInt32Bits), Is.EqualTo(outputs[1].Select(BitConverter.SingleToInt32Bits)), "outputs");
        Assert.That(gradients[0].Select(BitConverter.SingleToInt32Bits), Is.EqualTo(gradients[1].Select(BitConverter.SingleToInt32Bits)), "gradients");
        model.Eval();
        using var scope = Tensor.NoGrad();
        Assert.That(model.Call(input).ToArray<float>().Select(BitConverter.SingleToInt32Bits), Is.EqualTo(outputs[0].Select(BitConverter.SingleToInt32Bits)), "eval mode");
    }

    [Test]
    public void Fashion_cnn_has_769930_parameters_with_pytorch_names()
    {
        var model = new FashionCnn();
        Assert.That(model.ParameterCount(), Is.EqualTo(769_930));
        Assert.That(model.NamedParameters().Select(p => p.Name), Is.EqualTo(new[]
        {
            "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias",
        }));
        Assert.That(model.Call(Tensor.Zeros(2, 1, 28, 28)).Shape.ToArray(), Is.EqualTo(new[] { 2, 10 }));
    }

    [Test]
    public void Sequential_names_layers_by_position_and_prints_like_pytorch()
    {
        var model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        Assert.That(model.StateDict().Keys, Is.EqualTo(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }));
        Assert.That(model.ToString(), Does.StartWith("Sequential(\n  (0): Linear(in_features=4, out_features=3, bias=True)\n  (1): ReLU()"));
    }

    [Test]
    public void State_dict_round_trip_gives_bit_identical_outputs()
    {
        Init.ManualSeed(1);
        var a = new FashionCnn();
        var b = new FashionCnn();
        var x = Tensor.Randn(new Generator(2), [3, 1, 28, 28]);
        a.Eval();
        b.Eval();
        Assert.That(b.Call(x).ToArray<float>(), Is.Not.EqualTo(a.Call(x).ToArray<float>()).AsCollection);
        var path = Path.Combine(Path.GetTempPath(), $"state-{TestContext.CurrentContext.Test.ID}.safetensors");
        a.Save(path);
        b.Load(path);
        File.Delete(path);
        Assert.That(b.Call(x).ToArray<float>(), Is.EqualTo(a.Call(x).ToArray<float>()).AsCollection);
    }

    [Test]
    public void Strict_loading_names_missing_unexpected_and_mismatched_keys()
    {
        var model = new Sequential(new Linear(4, 3), new Linear(3, 2));
        var state = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        state.Remove("1.bias");
        state["extra"] = Tensor.Zeros(1);
        state["0.weight"] = Tensor.Zeros(4, 4);
        var error = Assert.Throws<ArgumentException>(() => model.LoadStateDict(state));
        Assert.That(error!.Message, Does.Contain("missing keys: 1.bias").And.Contain("unexpected keys: extra").And.Contain("0.weight: expected (3, 4), got (4, 4)"));
    }

    [Test]
    public void Freezing_a_subtree_removes_it_from_the_gradient_but_not_the_state()
    {
        var model = new Sequential(new Linear(4, 3), new Linear(3, 2));
        model[0].RequiresGrad(false);
        Assert.That(model.ParameterCount(trainableOnly: true), Is.EqualTo(8));
        model.Call(Tensor.Ones(1, 4)).Sum().Backward();
        Assert.That(((Linear)model[0]).Weight.Grad, Is.Null);
        Assert.That(((Linear)model[1]).Weight.Grad, Is.Not.Null);
    }

    [Test]
    public void Eval_turns_dropout_off_and_train_turns_it_back_on()
    {
        var dropout = new Dropout(0.5, new Generator(3));
        var x = Tensor.Ones(1000);
        var trained = dropout.Call(x).ToArray<float>();
        Assert.That(trained.Count(v => v == 0), Is.InRange(400, 600));
        Assert.That(trained.Where(v => v != 0), Is.All.EqualTo(2f));
        dropout.Eval();
        Assert.That(dropout.Call(x).ToArray<float>(), Is.All.EqualTo(1f));
    }

    [Test]
    public void Linear_initialisation_is_seeded_and_bounded_by_one_over_sqrt_fan_in()
    {
        var a = new Linear(100, 10, generator: new Generator(5));
        var b = new Linear(100, 10, generator: new Generator(5));
        Assert.That(a.Weight.ToArray<float>(), Is.EqualTo(b.Weight.ToArray<float>()).AsCollection);
        Assert.That(a.Weight.Abs().Max().Item(), Is.LessThanOrEqualTo(0.1));
        Assert.That(a.Weight.Abs().Max().Item(), Is.GreaterThan(0.09));
    }

    [Test]
    public void To_float64_converts_parameters_that_layers_then_use()
    {
        var model = new Sequential(new Linear(2, 2), new LSTM(2, 3).AsModule());
        model.To(DType.Float64);
        Assert.That(model.Parameters().Select(p => p.DType), Is.All.EqualTo(DType.Float64));
        Assert.That(((Linear)model[0]).Call(Tensor.Ones([1, 2], DType.Float64)).DType, Is.EqualTo(DType.Float64));
    }

    [Test]
    public void Embedding_from_pretrained_is_frozen_and_looks_up_rows()
    {
        var vectors = Tensor.FromArray(new[] { 0f, 0, 1, 1, 2, 2 }, 3, 2);
        var embedding = Embedding.FromPretrained(vectors);
        Assert.That(embedding.Weight.RequiresGrad, Is.False);
        var ids = Tensor.FromArray(new long[] { 2, 0, 1, 2 }, 2, 2);
        Assert.That(embedding.Call(ids).Shape.ToArray(), Is.EqualTo(new[] { 2, 2, 2 }));
        Assert.That(embedding.Call(ids).ToArray<float>()[..2], Is.EqualTo(new[] { 2f, 2f }));
    }

    [Test]
    public void Cross_entropy_rejects_out_of_range_targets_by_position()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3), Tensor.FromArray(new long[] { 1, 3 })));
        Assert.That(error!.Message, Is.EqualTo("NllLoss: target 3 at position 1 is out of bounds for 3 classes."));
    }
}
