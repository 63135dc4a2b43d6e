namespace Autograder.Tensors.Tests;

/// <summary>Forward values against hand-derived results.</summary>
public sealed class TensorValueTests
{
    private static Tensor M(double[] values, params int[] shape) => Tensor.FromArray(values, shape);

    [Test]
    public void Broadcasting_adds_a_row_and_a_column()
    {
        var row = M([10, 20, 30], 1, 3);
        var column = M([1, 2], 2, 1);
        Assert.That((row + column).ToArray<double>(), Is.EqualTo(new double[] { 11, 21, 31, 12, 22, 32 }).AsCollection);
    }

    [Test]
    public void Incompatible_shapes_name_the_op_and_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = Tensor.Zeros(2, 3) + Tensor.Zeros(4));
        Assert.That(error!.Message, Is.EqualTo("Add: shapes (2, 3) and (4,) cannot be broadcast together (dimension 1: 3 vs 4)."));
    }

    [Test]
    public void MatMul_with_mismatched_inner_dimensions_shows_the_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 5)));
        Assert.That(error!.Message, Is.EqualTo("MatMul: inner dimensions must agree; got a (2, 3) and b (4, 5)."));
    }

    [Test]
    public void MatMul_by_hand()
    {
        var a = M([1, 2, 3, 4, 5, 6], 2, 3);
        var b = M([7, 8, 9, 10, 11, 12], 3, 2);
        Assert.That(a.MatMul(b).ToArray<double>(), Is.EqualTo(new double[] { 58, 64, 139, 154 }).AsCollection);
        Assert.That(a.T.MatMul(a).ToArray<double>(), Is.EqualTo(new double[] { 17, 22, 27, 22, 29, 36, 27, 36, 45 }).AsCollection);
    }

    [Test]
    public void Promotion_follows_pytorch()
    {
        Assert.That((Tensor.Arange(3) + Tensor.Ones(3)).DType, Is.EqualTo(DType.Float32));
        Assert.That((Tensor.Ones(3) + Tensor.Ones([3], DType.Float64)).DType, Is.EqualTo(DType.Float64));
        Assert.That((Tensor.Arange(3) * 2L).DType, Is.EqualTo(DType.Int64));
        Assert.That((Tensor.Arange(3) / 2.0).ToArray<float>(), Is.EqualTo(new[] { 0f, 0.5f, 1f }).AsCollection);
        Assert.That(Tensor.FromArray(new[] { true, true, false }).Sum().Item<long>(), Is.EqualTo(2));
    }

    [Test]
    public void Reductions_by_hand()
    {
        var x = M([1, 5, 3, 4, 2, 6], 2, 3);
        Assert.That(x.Sum(0).ToArray<double>(), Is.EqualTo(new double[] { 5, 7, 9 }).AsCollection);
        Assert.That(x.Sum(1, keepDim: true).Shape.ToArray(), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(x.Mean().Item(), Is.EqualTo(3.5));
        var (values, indices) = x.Max(1);
        Assert.That(values.ToArray<double>(), Is.EqualTo(new double[] { 5, 6 }).AsCollection);
        Assert.That(indices.ToArray<long>(), Is.EqualTo(new long[] { 1, 2 }).AsCollection);
        Assert.That(x.ArgMin().Item<long>(), Is.Zero);
        Assert.That(x.LogSumExp(1).ToArray<double>()[0], Is.EqualTo(Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3))).Within(1e-12));
        Assert.That(M([2, 4, 4, 4, 5, 5, 7, 9], 8).Var([0], unbiased: false).Item(), Is.EqualTo(4.0).Within(1e-12));
    }

    [Test]
    public void Max_propagates_nan_like_pytorch()
    {
        var x = M([1, double.NaN, 3], 3);
        Assert.That(double.IsNaN(x.Max().Item()), Is.True);
        Assert.That(x.Max(0).Indices.Item<long>(), Is.EqualTo(1));
        Assert.That(double.IsNaN(x.Relu().ToArray<double>()[1]), Is.True);
    }

    [Test]
    public void Softmax_is_stable_for_huge_logits_and_sums_to_one()
    {
        var x = M([1000, 1001, 1002], 1, 3);
        var p = x.Softmax(1).ToArray<double>();
        Assert.That(p.Sum(), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(p[2], Is.EqualTo(Math.Exp(2) / (1 + Math.E + Math.Exp(2))).Within(1e-12));
        Assert.That(x.LogSoftmax(1).ToArray<double>()[0], Is.EqualTo(-Math.Log(1 + Math.E + Math.Exp(2))).Within(1e-12));
    }

    [Test]
    public void Views_share_storage_and_indexing_reads_like_numpy()
    {
        var x = Tensor.Arange(0, 12, 1, DType.Float64).Reshape(3, 4);
        Assert.That(x[.., 1].ToArray<double>(), Is.EqualTo(new double[] { 1, 5, 9 }).AsCollection);
        Assert.That(x[1..^0, TensorIndex.Slice(.., 2)].ToArray<double>(), Is.EqualTo(new double[] { 4, 6, 8, 10 }).AsCollection);
        Assert.That(x[TensorIndex.NewAxis, 0].Shape.ToArray(), Is.EqualTo(new[] { 1, 4 }));
        x[.., 0] = Tensor.Scalar(-1, DType.Float64);
        Assert.That(x.Sum(0).ToArray<double>()[0], Is.EqualTo(-3));
        var t = x.T;
        Assert.That(t.IsContiguous, Is.False);
        Assert.That(t.Contiguous().IsContiguous, Is.True);
        Assert.That(t.Reshape(12).ToArray<double>()[3], Is.EqualTo(1), "t[1, 0] is x[0, 1]");
    }

    [Test]
    public void Narrow_must_stay_inside_the_dimension_as_in_PyTorch_while_Slice_clamps()
    {
        var x = Tensor.Arange(0, 23, 1, DType.Float64);
        Assert.Multiple(() =>
        {
            Assert.That(x.Narrow(0, 20, 3).ToArray<double>(), Is.EqualTo(new double[] { 20, 21, 22 }).AsCollection);
            Assert.That(x.Narrow(0, -3, 3).ToArray<double>(), Is.EqualTo(new double[] { 20, 21, 22 }).AsCollection);
            Assert.That(x.Narrow(0, 23, 0).Shape.ToArray(), Is.EqualTo(new[] { 0 }), "an empty range at the end is inside");
            Assert.That(() => x.Narrow(0, 20, 5), Throws.ArgumentException.With.Message.Contains("start (20) + length (5) exceeds dimension 0 of size 23"));
            Assert.That(() => x.Narrow(0, 24, 0), Throws.ArgumentException);
            Assert.That(() => x.Narrow(0, 0, -1), Throws.ArgumentException);
            Assert.That(x.Slice(0, 20, 25).ToArray<double>(), Is.EqualTo(new double[] { 20, 21, 22 }).AsCollection, "Slice clamps like Python");
        });
    }

    [Test]
    public void Reshape_infers_one_dimension_and_explains_bad_sizes()
    {
        Assert.That(Tensor.Zeros(2, 6).Reshape(3, -1).Shape.ToArray(), Is.EqualTo(new[] { 3, 4 }));
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 6).Reshape(5, -1));
        Assert.That(error!.Message, Is.EqualTo("Reshape: shape (5, -1) is invalid for input of size 12 (shape (2, 6))."));
    }

    [Test]
    public void Cat_stack_split_chunk_by_hand()
    {
        var a = M([1, 2], 1, 2);
        var b = M([3, 4, 5, 6], 2, 2);
        Assert.That(Tensor.Cat([a, b]).ToArray<double>(), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }).AsCollection);
        Assert.That(Tensor.Stack([a, a], 2).Shape.ToArray(), Is.EqualTo(new[] { 1, 2, 2 }));
        Assert.That(Tensor.Arange(7).Chunk(3).Select(c => c.NumEl), Is.EqualTo(new[] { 3, 3, 1 }));
        Assert.That(Tensor.Arange(5).Split([2, 3])[1].ToArray<long>(), Is.EqualTo(new long[] { 2, 3, 4 }).AsCollection);
        var error = Assert.Throws<ArgumentException>(() => Tensor.Cat([a, Tensor.Zeros([2, 3], DType.Float64)]));
        Assert.That(error!.Message, Does.Contain("tensor 0 has shape (1, 2), tensor 1 has (2, 3)"));
    }

    [Test]
    public void Gather_scatter_index_select_one_hot_by_hand()
    {
        var x = M([1, 2, 3, 4, 5, 6], 2, 3);
        var index = Tensor.FromArray(new long[] { 2, 0, 1, 1 }, 2, 2);
        Assert.That(x.Gather(1, index).ToArray<double>(), Is.EqualTo(new double[] { 3, 1, 5, 5 }).AsCollection);
        var scattered = Tensor.Zeros([2, 3], DType.Float64).ScatterAdd(1, index, Tensor.Ones([2, 2], DType.Float64));
        Assert.That(scattered.ToArray<double>(), Is.EqualTo(new double[] { 1, 0, 1, 0, 2, 0 }).AsCollection);
        Assert.That(x.IndexSelect(1, Tensor.FromArray(new long[] { 2, 2 })).ToArray<double>(), Is.EqualTo(new double[] { 3, 3, 6, 6 }).AsCollection);
        Assert.That(Tensor.FromArray(new long[] { 0, 2 }).OneHot(3).ToArray<long>(), Is.EqualTo(new long[] { 1, 0, 0, 0, 0, 1 }).AsCollection);
        var error = Assert.Throws<ArgumentException>(() => x.Gather(1, Tensor.FromArray(new long[] { 3, 0, 0, 0 }, 2, 2)));
        Assert.That(error!.Message, Does.Contain("index 3 is out of bounds for dimension with size 3"));
    }

    [Test]
    public void Conv2d_by_hand_one_channel()
    {
        // 3×3 image, 2×2 kernel [[1, 0], [0, -1]]: each output is x[i, j] − x[i+1, j+1].
        var x = M([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1, 3, 3);
        var w = M([1, 0, 0, -1], 1, 1, 2, 2);
        Assert.That(x.Conv2d(w, M([0.5], 1)).ToArray<double>(), Is.EqualTo(new double[] { -3.5, -3.5, -3.5, -3.5 }).AsCollection);
        var error = Assert.Throws<ArgumentException>(() => x.Conv2d(Tensor.Zeros([1, 2, 2, 2], DType.Float64)));
        Assert.That(error!.Message, Does.Contain("the input has 1 channels but the weight (1, 2, 2, 2) expects 2"));
    }

    [Test]
    public void Pooling_by_hand()
    {
        var x = M([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], 1, 1, 4, 4);
        Assert.That(x.MaxPool2d(2).ToArray<double>(), Is.EqualTo(new double[] { 6, 8, 14, 16 }).AsCollection);
        Assert.That(x.AvgPool2d(2).ToArray<double>(), Is.EqualTo(new double[] { 3.5, 5.5, 11.5, 13.5 }).AsCollection);
        Assert.That(x.AdaptiveAvgPool2d(1, 1).Item(), Is.EqualTo(8.5));
        Assert.That(x.MaxPool2d(3, 2, ceilMode: true).Shape.ToArray(), Is.EqualTo(new[] { 1, 1, 2, 2 }));
    }

    [Test]
    public void Pad_by_hand()
    {
        var x = M([1, 2], 1, 2);
        Assert.That(x.Pad([1, 0, 0, 1], -1).ToArray<double>(), Is.EqualTo(new double[] { -1, 1, 2, -1, -1, -1 }).AsCollection);
    }

    [Test]
    public void Creation_functions_by_hand()
    {
        Assert.That(Tensor.Arange(1, 2, 0.25, DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 1, 1.25, 1.5, 1.75 }).AsCollection);
        Assert.That(Tensor.Linspace(0, 1, 5, DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1 }).AsCollection);
        Assert.That(Tensor.Eye(2, 3).ToArray<float>(), Is.EqualTo(new float[] { 1, 0, 0, 0, 1, 0 }).AsCollection);
        Assert.That(Tensor.Full([2], 7, DType.Int64).ToArray<long>(), Is.EqualTo(new long[] { 7, 7 }).AsCollection);
    }

    [Test]
    public void Prints_like_pytorch()
    {
        Assert.That(Tensor.FromArray(new[] { 1f, 2.5f, -3f }).ToString(), Is.EqualTo("tensor([ 1.0000,  2.5000, -3.0000])"));
        Assert.That(Tensor.Arange(4).Reshape(2, 2).ToString(), Is.EqualTo("tensor([[0, 1],\n        [2, 3]])"));
        Assert.That(Tensor.FromArray(new[] { 1.0, 2.0 }).ToString(), Is.EqualTo("tensor([1., 2.], dtype=torch.float64)"));
        Assert.That(Tensor.FromArray(new[] { true, false }).ToString(), Is.EqualTo("tensor([ True, False])"));
        var x = Tensor.Ones(2).RequireGrad();
        Assert.That(x.ToString(), Is.EqualTo("tensor([1., 1.], requires_grad=True)"));
        Assert.That((x * 2.0).ToString(), Is.EqualTo("tensor([2., 2.], grad_fn=<MulBackward>)"));
    }
}
