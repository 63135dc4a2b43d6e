using Autograder.Kernels.Recurrent;

namespace Autograder.Kernels.Tests.Recurrent;

/// <summary>The LSTM sequence kernel against one step at a time with <see cref="LstmCell"/> (gradients: the Tensors tests, against PyTorch).</summary>
public sealed class LstmSequenceTests
{
    [Test]
    public void Each_step_is_the_cell_on_the_running_rows()
    {
        const int steps = 3, batch = 3, h = 2, g = 4 * h;
        var random = new Random(7);
        double[] Fill(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
        var (projected, weight, bias) = (Fill(steps * batch * g), Fill(g * h), Fill(g));
        int[] running = [3, 2, 1];
        var (gates, hidden, cell, tanhCell) = (new double[steps * batch * g], new double[(steps + 1) * batch * h], new double[(steps + 1) * batch * h], new double[steps * batch * h]);
        LstmSequence.Forward<double>(projected, weight, bias, running, batch, h, gates, hidden, cell, tanhCell);

        // Row by row and step by step: A = projected + b + h W_hhᵀ, then the cell.
        var (state, memory) = (new double[batch * h], new double[batch * h]);
        for (var t = 0; t < steps; t++)
        {
            for (var r = 0; r < running[t]; r++)
            {
                var a = new double[g];
                for (var j = 0; j < g; j++)
                {
                    a[j] = projected[(((t * batch) + r) * g) + j] + bias[j] + Enumerable.Range(0, h).Sum(k => state[(r * h) + k] * weight[(j * h) + k]);
                }

                var (newHidden, newCell) = (new double[h], new double[h]);
                LstmCell.Forward<double>(a, memory.AsSpan(r * h, h), h, new double[g], newHidden, newCell, new double[h]);
                newHidden.CopyTo(state, r * h);
                newCell.CopyTo(memory, r * h);
                Assert.That(hidden.AsSpan((((t + 1) * batch) + r) * h, h).ToArray(), Is.EqualTo(newHidden).Within(1e-12), $"h at step {t}, row {r}");
            }

            for (var r = running[t]; r < batch; r++)
            {
                Assert.That(hidden.AsSpan((((t + 1) * batch) + r) * h, h).ToArray(), Is.All.Zero, $"row {r} does not run at step {t}");
            }
        }
    }

    [Test]
    public void Increasing_running_counts_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LstmSequence.Forward<float>(new float[16], new float[8], [], [1, 2], 2, 1, new float[16], new float[6], new float[6], new float[4]));
        Assert.That(error!.Message, Does.Contain("must not increase").And.Contain("step 1 has 2"));
    }
}
