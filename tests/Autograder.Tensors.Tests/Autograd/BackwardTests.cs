namespace Autograder.Tensors.Tests.Autograd;

public sealed class BackwardTests
{
    [Test]
    public void Gradients_accumulate_across_backward_calls()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0 }).RequireGrad();
        (x * 3.0).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.That(x.Grad!.ToArray<double>(), Is.EqualTo(new[] { 3.0 + 2.0, 3.0 + 4.0 }).AsCollection);
    }

    [Test]
    public void Backward_with_explicit_upstream_gradient()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0, 3.0 }).RequireGrad();
        (x * x).Backward(Tensor.FromArray(new[] { 1.0, 0.5, -1.0 }));
        Assert.That(x.Grad!.ToArray<double>(), Is.EqualTo(new[] { 2.0, 2.0, -6.0 }).AsCollection);
    }

    [Test]
    public void Float32_leaf_receives_float32_gradient_through_a_float64_op()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }).RequireGrad();
        (x.To(DType.Float64) * 2.0).Sum().Backward();
        Assert.That(x.Grad!.DType, Is.EqualTo(DType.Float32));
        Assert.That(x.Grad.ToArray<float>(), Is.EqualTo(new[] { 2f, 2f }).AsCollection);
    }

    [Test]
    public void A_graph_a_hundred_thousand_ops_deep_does_not_overflow_the_stack()
    {
        var x = Tensor.FromArray(new[] { 1.0 }).RequireGrad();
        var y = x;
        for (var i = 0; i < 100_000; i++)
        {
            y = y + 1e-6;
        }

        y.Sum().Backward();
        Assert.That(x.Grad!.Item(), Is.EqualTo(1.0));
    }

    [Test]
    public void Second_backward_without_retain_graph_is_refused_with_advice()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0 }).RequireGrad();
        var y = (x * x).Sum();
        y.Backward();
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.That(error!.Message, Does.Contain("second time").And.Contain("retainGraph"));
    }

    [Test]
    public void Retained_graph_can_run_backward_twice()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0 }).RequireGrad();
        var y = (x * x).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.That(x.Grad!.ToArray<double>(), Is.EqualTo(new[] { 4.0, 8.0 }).AsCollection);
    }

    [Test]
    public void In_place_change_of_a_saved_tensor_is_detected_and_named()
    {
        var x = Tensor.FromArray(new[] { 1.0, 2.0 }).RequireGrad();
        var y = x * 2.0;
        var z = y.Exp();
        using (Tensor.NoGrad())
        {
            z.Add_(Tensor.OnesLike(z));
        }

        var error = Assert.Throws<InvalidOperationException>(() => z.Sum().Backward());
        Assert.That(error!.Message, Does.StartWith("ExpBackward").And.Contain("modified by an in-place operation"));
    }

    [Test]
    public void In_place_update_of_a_leaf_that_requires_grad_outside_no_grad_is_refused()
    {
        var w = Tensor.Ones(3).RequireGrad();
        var error = Assert.Throws<InvalidOperationException>(() => w.Sub_(Tensor.Ones(3)));
        Assert.That(error!.Message, Does.Contain("NoGrad"));
        using (Tensor.NoGrad())
        {
            w.Sub_(Tensor.Ones(3));
        }

        Assert.That(w.Sum().Item(), Is.Zero);
    }

    [Test]
    public void No_grad_scope_records_nothing_and_nests()
    {
        var x = Tensor.Ones(2).RequireGrad();
        using (Tensor.NoGrad())
        {
            using (Tensor.NoGrad())
            {
                Assert.That((x * 2.0).RequiresGrad, Is.False);
            }

            Assert.That((x * 2.0).RequiresGrad, Is.False);
        }

        Assert.That((x * 2.0).GradFn!.Name, Is.EqualTo("MulBackward"));
    }

    [Test]
    public void Detach_cuts_the_graph_but_shares_the_data()
    {
        var x = Tensor.Ones(2).RequireGrad();
        var d = (x * 2.0).Detach();
        Assert.That(d.RequiresGrad, Is.False);
        Assert.That(d.IsLeaf, Is.True);
    }

    [Test]
    public void Backward_of_a_non_scalar_without_gradient_explains()
    {
        var x = Tensor.Ones(2).RequireGrad();
        var error = Assert.Throws<InvalidOperationException>(() => (x * 2.0).Backward());
        Assert.That(error!.Message, Does.Contain("one-element outputs").And.Contain("(2,)"));
    }

    [Test]
    public void Integer_tensors_cannot_require_grad()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Arange(3).RequireGrad());
        Assert.That(error!.Message, Does.Contain("floating-point"));
    }

    [Test]
    public void Max_over_dim_sends_the_gradient_to_the_first_maximum()
    {
        var x = Tensor.FromArray(new[] { 1.0, 5.0, 5.0, 2.0 }, 2, 2).RequireGrad();
        x.Max(1).Values.Sum().Backward();
        Assert.That(x.Grad!.ToArray<double>(), Is.EqualTo(new[] { 0.0, 1.0, 1.0, 0.0 }).AsCollection);
    }

    [Test]
    public void Relu_gradient_is_zero_at_zero_like_pytorch()
    {
        var x = Tensor.FromArray(new[] { -1.0, 0.0, 2.0 }).RequireGrad();
        x.Relu().Sum().Backward();
        Assert.That(x.Grad!.ToArray<double>(), Is.EqualTo(new[] { 0.0, 0.0, 1.0 }).AsCollection);
    }

    [Test]
    public void Pooled_intermediate_gradients_are_recycled_without_corrupting_shared_ones()
    {
        // 200,000 doubles (1.6 MB) per tensor: every intermediate gradient comes from the buffer pool and goes back to it.
        // y = Σ (2x + eˣ) ⊙ x + (x + x): dy/dx = 2x + eˣ + (2 + eˣ) ⊙ x + 2, with the gradient of x + x fanned out twice.
        var x = (Tensor.Rand(new Generator(1), [200_000], DType.Float64) - 0.5).RequireGrad();
        for (var round = 0; round < 3; round++)
        {
            x.Grad = null;
            var y = (((x * 2.0) + x.Exp()) * x) + (x + x);
            y.Sum().Backward();
            using var scope = Tensor.NoGrad();
            var expected = (x * 2.0) + x.Exp() + ((x.Exp() + 2.0) * x) + 2.0;
            Assert.That(x.Grad!.AllClose(expected, 1e-12, 1e-12), Is.True, $"round {round}");
        }
    }

    // ReLU's backward writes into its incoming gradient when that is the engine's own buffer at its last use.
    // An addition hands one gradient to both of its inputs: the ReLU branch must not overwrite it while the
    // square's branch still needs it. 200,000 values, so every buffer is pooled.
    [Test]
    public void Relu_backward_in_place_leaves_a_gradient_shared_with_another_branch_intact()
    {
        var x = (Tensor.Rand(new Generator(2), [200_000], DType.Float64) - 0.5).RequireGrad();
        var w = Tensor.Rand(new Generator(3), [200_000], DType.Float64);
        foreach (var reluFirst in new[] { true, false })
        {
            // Either order of the sum, so that the ReLU's backward runs before the other branch's in one of them.
            x.Grad = null;
            var h = x * 3.0;
            var sum = reluFirst ? h.Relu() + (h * h) : (h * h) + h.Relu();
            (sum * w).Sum().Backward();
            using var scope = Tensor.NoGrad();
            var expected = ((h.Gt(0.0).To(DType.Float64) * w) + (h * w * 2.0)) * 3.0;
            Assert.That(x.Grad!.AllClose(expected, 1e-12, 1e-12), Is.True, reluFirst ? "relu(h) + h²" : "h² + relu(h)");
        }
    }

    [Test]
    public void Relu_backward_never_overwrites_the_callers_gradient()
    {
        var x = (Tensor.Rand(new Generator(4), [200_000], DType.Float32) - 0.5f).RequireGrad();
        var upstream = Tensor.Rand(new Generator(5), [200_000], DType.Float32);
        var before = upstream.Clone();
        (x * 2.0f).Relu().Backward(upstream);
        Assert.That(upstream.ToArray<float>(), Is.EqualTo(before.ToArray<float>()).AsCollection, "the caller's gradient was written to");
    }

    [Test]
    public void Zeros_from_a_recycled_buffer_are_zero()
    {
        for (var i = 0; i < 20; i++)
        {
            _ = Tensor.Full([100_000], 7.0, DType.Float64) * 2.0;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.That(Tensor.Zeros([100_000], DType.Float64).Abs().Max().Item(), Is.Zero);
    }

    [Test]
    public void Leaves_that_share_one_engine_gradient_get_buffers_of_their_own()
    {
        // a + b fans one gradient out to both leaves: one may adopt the engine's buffer, the other must get a copy.
        var a = Tensor.Zeros([50_000], DType.Float64).RequireGrad();
        var b = Tensor.Zeros([50_000], DType.Float64).RequireGrad();
        var upstream = Tensor.Full([50_000], 3.0, DType.Float64);
        ((a + b) * 2.0).Backward(upstream);
        using var scope = Tensor.NoGrad();
        a.Grad!.Add_(Tensor.Ones([50_000], DType.Float64));
        Assert.That(b.Grad!.Max().Item(), Is.EqualTo(6.0));
        Assert.That(a.Grad.Min().Item(), Is.EqualTo(7.0));
        Assert.That(upstream.Max().Item(), Is.EqualTo(3.0));
    }

    [Test]
    public void A_linear_weight_gradient_is_contiguous_and_equals_g_transposed_times_x()
    {
        var layer = new Autograder.Tensors.NN.Linear(5, 3, generator: new Generator(2), dtype: DType.Float64);
        var x = Tensor.Randn(new Generator(3), [4, 5], DType.Float64);
        var g = Tensor.Randn(new Generator(4), [4, 3], DType.Float64);
        layer.Call(x).Backward(g);
        Assert.That(layer.Weight.Grad!.IsContiguous, Is.True);
        using var scope = Tensor.NoGrad();
        Assert.That(layer.Weight.Grad.AllClose(g.T.MatMul(x), 1e-12, 1e-12), Is.True);
    }
}
