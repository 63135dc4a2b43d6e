using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>The fused LSTM step against the composed tensor expression it replaces, in float32: values and gradients.</summary>
public sealed class LstmCellTests
{
    [Test]
    public void The_fused_step_equals_the_composed_expression()
    {
        var generator = new Generator(5);
        var preactivations = (Tensor.Randn(generator, [5, 4 * 7]) * 3.0).RequireGrad();
        var cell = Tensor.Randn(generator, [5, 7]).RequireGrad();
        var (h, c) = Functional.LstmCell(preactivations, cell);
        var weights = Tensor.Randn(generator, [2, 5, 7]);
        ((h * weights[0]).Sum() + (c * weights[1]).Sum()).Backward();
        var (fusedGates, fusedCell) = (preactivations.Grad!.Clone(), cell.Grad!.Clone());

        preactivations.Grad = null;
        cell.Grad = null;
        var gates = preactivations.Chunk(4, 1);
        var composedC = (gates[1].Sigmoid() * cell) + (gates[0].Sigmoid() * gates[2].Tanh());
        var composedH = gates[3].Sigmoid() * composedC.Tanh();
        ((composedH * weights[0]).Sum() + (composedC * weights[1]).Sum()).Backward();

        Assert.Multiple(() =>
        {
            Assert.That(h.AllClose(composedH.Detach(), 1e-6, 1e-6), "h'");
            Assert.That(c.AllClose(composedC.Detach(), 1e-6, 1e-6), "c'");
            Assert.That(fusedGates.AllClose(preactivations.Grad!, 1e-5, 1e-6), "the pre-activations' gradient");
            Assert.That(fusedCell.AllClose(cell.Grad!, 1e-5, 1e-6), "the cell state's gradient");
            Assert.That(h.GradFn?.Name, Is.Not.Null, "h' is recorded");
        });
    }

    [Test]
    public void Mismatched_shapes_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.LstmCell(Tensor.Zeros(2, 12), Tensor.Zeros(2, 4)));
        Assert.That(error!.Message, Does.Contain("(N, 4H)").And.Contain("(2, 12)").And.Contain("(2, 4)"));
    }
}
