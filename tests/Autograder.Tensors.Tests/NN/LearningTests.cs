using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Tensors.Tests.NN;

/// <summary>Proof that the pieces learn together (no timing): fixed seeds, fixed step counts, stated accuracies.</summary>
public sealed class LearningTests
{
    [Test]
    public void An_lstm_learns_to_recall_the_first_token_of_a_sequence()
    {
        // Sequences of 6 tokens from 4 symbols; the label is the first token, so the LSTM must carry it through 5 steps.
        var gen = new Generator(11);
        var lstm = new LSTM(4, 16, batchFirst: true, generator: gen);
        var head = new Linear(16, 4, generator: gen);
        var optimizer = new Adam([.. lstm.Parameters(), .. head.Parameters()], lr: 0.02);
        Tensor Batch(out Tensor labels)
        {
            var tokens = Tensor.Randint(gen, 0, 4, [64, 6]);
            labels = tokens[.., 0];
            return tokens.OneHot(4).To(DType.Float32);
        }

        for (var step = 0; step < 300; step++)
        {
            var x = Batch(out var y);
            optimizer.ZeroGrad();
            var (output, _) = lstm.Forward(x);
            Functional.CrossEntropy(head.Call(output[.., -1]), y).Backward();
            optimizer.Step();
        }

        using var scope = Tensor.NoGrad();
        var test = Batch(out var labels);
        var predicted = head.Call(lstm.Forward(test).Output[.., -1]).ArgMax(1);
        var accuracy = predicted.Eq(labels).To(DType.Float32).Mean().Item();
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(0.95), "an LSTM should remember the first of 6 tokens");
    }
}
