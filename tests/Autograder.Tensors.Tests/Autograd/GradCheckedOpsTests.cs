using Autograder.Tensors.Checking;

namespace Autograder.Tensors.Tests.Autograd;

/// <summary>Every differentiable op, checked against central differences in float64 (including broadcasting and each reduction dim).</summary>
public sealed class GradCheckedOpsTests
{
    private static Tensor R(params int[] shape) => Tensor.Randn(new Generator(shape.Sum() + (17 * shape.Length)), shape, DType.Float64);

    private static Tensor Positive(params int[] shape) => R(shape).Abs() + 0.5;

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, Func<Tensor[], Tensor> f, params Tensor[] inputs) => new TestCaseData(f, inputs).SetName(name);

        yield return Case("Add broadcast row", x => x[0] + x[1], R(3, 4), R(4));
        yield return Case("Add broadcast column", x => x[0] + x[1], R(3, 1), R(1, 4));
        yield return Case("Sub broadcast", x => x[0] - x[1], R(2, 3, 4), R(3, 1));
        yield return Case("Mul broadcast", x => x[0] * x[1], R(2, 3), R(2, 1));
        yield return Case("Div broadcast", x => x[0] / x[1], R(2, 3), Positive(3));
        yield return Case("Pow tensor exponent", x => x[0].Pow(x[1]), Positive(2, 3), R(2, 3));
        yield return Case("Pow scalar", x => x[0].Pow(3.0), R(4));
        yield return Case("Scalar arithmetic", x => (2.0 - (x[0] * 3.0)) / 4.0, R(5));
        yield return Case("Maximum", x => x[0].Maximum(x[1]), R(3, 4), R(3, 4) + 0.1);
        yield return Case("Minimum", x => x[0].Minimum(x[1]), R(3, 4), R(4) + 0.1);
        yield return Case("Neg", x => -x[0], R(3));
        yield return Case("Exp", x => x[0].Exp(), R(3, 2));
        yield return Case("Log", x => x[0].Log(), Positive(3, 2));
        yield return Case("Sqrt", x => x[0].Sqrt(), Positive(3, 2));
        yield return Case("Abs", x => x[0].Abs(), R(3, 2) + 0.01);
        yield return Case("Square", x => x[0].Square(), R(3, 2));
        yield return Case("Reciprocal", x => x[0].Reciprocal(), Positive(4));
        yield return Case("Tanh", x => x[0].Tanh(), R(3, 2));
        yield return Case("Sigmoid", x => x[0].Sigmoid(), R(3, 2));
        yield return Case("Relu", x => x[0].Relu(), R(4, 5) + 0.01);
        yield return Case("Sin Cos", x => x[0].Sin() * x[0].Cos(), R(4));
        yield return Case("Clamp", x => x[0].Clamp(-0.5, 0.5), R(10) + 0.013);
        yield return Case("Where", x => Tensor.Where(x[0].Gt(0.0), x[0], x[1] * 2.0), R(3, 4) + 0.01, R(4));
        yield return Case("MaskedFill", x => x[0].MaskedFill(x[0].Lt(0.0), 0.5), R(3, 4) + 0.01);
        for (var d = 0; d < 3; d++)
        {
            var dim = d;
            yield return Case($"Sum dim {d}", x => x[0].Sum(dim), R(2, 3, 4));
            yield return Case($"Sum dim {d} keepDim", x => x[0].Sum(dim, keepDim: true), R(2, 3, 4));
            yield return Case($"Mean dim {d}", x => x[0].Mean(dim), R(2, 3, 4));
            yield return Case($"Max dim {d}", x => x[0].Max(dim).Values, R(2, 3, 4));
            yield return Case($"Min dim {d} keepDim", x => x[0].Min(dim, keepDim: true).Values, R(2, 3, 4));
            yield return Case($"LogSumExp dim {d}", x => x[0].LogSumExp(dim), R(2, 3, 4));
            yield return Case($"Softmax dim {d}", x => x[0].Softmax(dim), R(2, 3, 4));
            yield return Case($"LogSoftmax dim {d}", x => x[0].LogSoftmax(dim), R(2, 3, 4));
        }

        yield return Case("Sum all", x => x[0].Sum(), R(2, 3));
        yield return Case("Sum two dims", x => x[0].Sum([0, 2]), R(2, 3, 4));
        yield return Case("Mean all", x => x[0].Mean(), R(2, 3));
        yield return Case("Max all", x => x[0].Max(), R(2, 3));
        yield return Case("Var", x => x[0].Var([1]), R(3, 5));
        yield return Case("MatMul 2D", x => x[0].MatMul(x[1]), R(3, 4), R(4, 5));
        yield return Case("MatMul transposed views", x => x[0].T.MatMul(x[1].T), R(4, 3), R(5, 4));
        yield return Case("MatMul batched broadcast", x => x[0].MatMul(x[1]), R(2, 3, 4), R(4, 2));
        yield return Case("MatMul stack of transposed views by one matrix", x => x[0].Transpose(1, 2).MatMul(x[1]), R(2, 4, 3), R(4, 2));
        yield return Case("MatMul 4-D stack by one column", x => x[0].MatMul(x[1]), R(2, 3, 5, 6), R(6, 1));
        yield return Case("MatMul batched vector-matrix", x => x[0].MatMul(x[1]), R(2, 1, 6), R(2, 6, 3));
        yield return Case("MatMul vector", x => x[0].MatMul(x[1]), R(3, 4), R(4));
        yield return Case("Dot", x => x[0].Dot(x[1]), R(5), R(5));
        yield return Case("Bmm", x => x[0].Bmm(x[1]), R(2, 3, 4), R(2, 4, 3));
        yield return Case("Reshape Permute Transpose", x => x[0].Reshape(2, 6).T.Permute(1, 0).Reshape(3, 4) * x[1], R(3, 4), R(3, 4));
        yield return Case("Unsqueeze Squeeze Expand", x => x[0].Unsqueeze(1).Expand(3, 4, 2).Squeeze(), R(3, 2));
        yield return Case("Slice with step", x => x[0].Slice(1, 1, 6, 2), R(3, 7));
        yield return Case("Indexer", x => x[0][1.., 0] * 2.0, R(4, 3));
        yield return Case("Select", x => x[0].Select(0, -1), R(4, 3));
        yield return Case("Cat", x => Tensor.Cat([x[0], x[1]], 1), R(2, 3), R(2, 2));
        yield return Case("Stack", x => Tensor.Stack([x[0], x[1]], 1), R(2, 3), R(2, 3));
        yield return Case("Split", x => x[0].Split(2, 1)[1] * 3.0, R(2, 5));
        yield return Case("Chunk", x => x[0].Chunk(3)[2], R(7, 2));
        yield return Case("Unbind, every slice used (gradients added in place)", x => x[0].Unbind(0).Select((t, i) => t * (i + 1.0)).Aggregate((a, b) => a + b), R(5, 2, 3));
        yield return Case("Chunk, every chunk used twice", x => x[0].Chunk(4, 1).Select((t, i) => t.Sigmoid() * (i + 1.0)).Aggregate((a, b) => a + b) + x[0].Chunk(4, 1)[1], R(3, 8));
        yield return Case("BinaryCrossEntropy", x => Autograder.Tensors.NN.Functional.BinaryCrossEntropy(x[0].Sigmoid(), Tensor.FromArray(new double[] { 0, 1, 0.3, 1, 0, 1 }, 2, 3)), R(2, 3));
        var mix = R(3, 2, 2, 3) * 3.0;
        yield return Case("BatchNorm training, γ and β", x => Autograder.Tensors.NN.Functional.BatchNorm(x[0], null, null, x[1], x[2], training: true) * mix, R(3, 2, 2, 3), Positive(2), R(2));
        yield return Case("BatchNorm training, (N, C), no affine", x => Autograder.Tensors.NN.Functional.BatchNorm(x[0], null, null, training: true) * R(5, 3), R(5, 3) * 2.0);
        yield return Case("BatchNorm evaluation (running statistics)", x => Autograder.Tensors.NN.Functional.BatchNorm(x[0], R(2), Positive(2), x[1], x[2]) * mix, R(3, 2, 2, 3), Positive(2), R(2));
        yield return Case("LstmCell, h and c used", x => Autograder.Tensors.NN.Functional.LstmCell(x[0], x[1]) is var (h, c) ? (h * 2.0) + (c * c) : null!, R(3, 8), R(3, 2));
        yield return Case("LstmCell, only h used (c' gets no gradient)", x => Autograder.Tensors.NN.Functional.LstmCell(x[0], x[1]).H, R(2, 12), R(2, 3));
        yield return Case("LSTM layer, unsorted lengths, initial state", x =>
        {
            var lstm = new Autograder.Tensors.NN.LSTM(3, 2, numLayers: 2, batchFirst: true, generator: new Generator(4), dtype: DType.Float64);
            var (output, (h, c)) = lstm.Forward(x[0], (x[1], x[2]), lengths: Tensor.FromArray(new long[] { 2, 4, 1 }, 3));
            return Tensor.Cat([output.Reshape(-1), h.Reshape(-1), c.Reshape(-1)]);
        }, R(3, 4, 3), R(2, 3, 2), R(2, 3, 2));
        yield return Case("RNN layer (ReLU), unsorted lengths, initial state", x =>
        {
            var rnn = new Autograder.Tensors.NN.RNN(3, 4, numLayers: 2, batchFirst: true, relu: true, generator: new Generator(6), dtype: DType.Float64);
            var (output, h) = rnn.Forward(x[0], x[1], lengths: Tensor.FromArray(new long[] { 3, 1, 4 }, 3));
            return Tensor.Cat([output.Reshape(-1), h.Reshape(-1)]);
        }, R(3, 4, 3), R(2, 3, 4));
        yield return Case("Gather", x => x[0].Gather(1, Tensor.FromArray(new long[] { 2, 0, 1, 1 }, 2, 2)), R(2, 3));
        yield return Case("ScatterAdd", x => x[0].ScatterAdd(0, Tensor.FromArray(new long[] { 1, 0, 1 }, 1, 3), x[1]), R(2, 3), R(1, 3));
        yield return Case("IndexSelect with repeats", x => x[0].IndexSelect(0, Tensor.FromArray(new long[] { 2, 0, 2 })), R(4, 3));
        yield return Case("IndexSelect, a permutation (gradient by the inverse)", x => x[0].IndexSelect(1, Tensor.FromArray(new long[] { 2, 0, 3, 1 })) * Tensor.Arange(4).To(DType.Float64), R(3, 4));

        // At least 64 output positions per image: the image-by-image path, over more images than weight-gradient groups.
        yield return Case("MaxPool2d", x => x[0].MaxPool2d(2), R(2, 3, 4, 6));
        yield return Case("MaxPool2d overlapping padded ceil", x => x[0].MaxPool2d((3, 3), (2, 2), (1, 1), ceilMode: true), R(1, 2, 6, 7));
        yield return Case("AvgPool2d", x => x[0].AvgPool2d(2), R(2, 3, 4, 6));
        yield return Case("AvgPool2d padded", x => x[0].AvgPool2d(3, 2, 1, countIncludePad: false), R(1, 2, 5, 5));
        yield return Case("AdaptiveAvgPool2d", x => x[0].AdaptiveAvgPool2d(2, 3), R(2, 2, 5, 7));
        yield return Case("Pad", x => x[0].Pad([1, 2, 0, 1], 3.0), R(2, 3, 4));
        yield return Case("Clone Contiguous", x => x[0].T.Contiguous().Clone(), R(3, 4));
        yield return Case("Shared input used twice", x => (x[0] * x[0]) + x[0].Exp(), R(3));
    }

    /// <summary>Convolutions: linear in each input, so a central difference has no truncation error at any step.</summary>
    private static IEnumerable<TestCaseData> ConvolutionCases()
    {
        TestCaseData Case(string name, Func<Tensor[], Tensor> f, params Tensor[] inputs) => new TestCaseData(f, inputs).SetName(name);

        yield return Case("Conv2d", x => x[0].Conv2d(x[1], x[2]), R(2, 3, 5, 6), R(4, 3, 3, 2), R(4));
        yield return Case("Conv2d stride padding", x => x[0].Conv2d(x[1], x[2], (2, 1), (1, 2)), R(2, 2, 6, 5), R(3, 2, 3, 3), R(3));
        yield return Case("Conv2d image by image", x => x[0].Conv2d(x[1], x[2], 1, 1), R(9, 2, 8, 9), R(3, 2, 3, 3), R(3));
        yield return Case("Conv2d image by image strided", x => x[0].Conv2d(x[1], null, (1, 2), (0, 1)), R(2, 2, 10, 17), R(2, 2, 2, 3));
    }

    [TestCaseSource(nameof(Cases))]
    public void Gradient_matches_central_differences(Func<Tensor[], Tensor> function, Tensor[] inputs)
    {
        var result = GradCheck.Check(function, inputs, new GradCheckOptions(Tolerance: 1e-6));
        Assert.That(result.Passed, Is.True, result.ToString());
    }

    /// <remarks>The checked scalar sums a thousand or more projected outputs (|f| ≈ 100), whose rounding, divided by 2h at the
    /// default h = 1e-6, is about 1e-8: a relative error above 1e-6 on a gradient element near 0.003. A wide step is exact for
    /// a linear function and cuts that noise a thousandfold.</remarks>
    [TestCaseSource(nameof(ConvolutionCases))]
    public void Convolution_gradient_matches_central_differences(Func<Tensor[], Tensor> function, Tensor[] inputs)
    {
        var result = GradCheck.Check(function, inputs, new GradCheckOptions(Step: 1e-3, Tolerance: 1e-6));
        Assert.That(result.Passed, Is.True, result.ToString());
    }
}
