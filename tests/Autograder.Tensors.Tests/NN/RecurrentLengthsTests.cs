using Autograder.Tensors.NN;

namespace Autograder.Tensors.Tests.NN;

/// <summary>Recurrent layers given each sequence's length (values and gradients against PyTorch are in <see cref="TorchModuleOracleTests"/>).</summary>
public sealed class RecurrentLengthsTests
{
    private static readonly Tensor Input = Tensor.Randn(new Generator(3), [2, 4, 3]);

    [TestCase(new long[] { 0, 4 }, "sequence 0 has length 0")]
    [TestCase(new long[] { 4, 5 }, "sequence 1 has length 5")]
    [TestCase(new long[] { 4 }, "expected lengths as 2 int64 values")]
    public void Lengths_outside_the_input_are_named(long[] lengths, string message)
    {
        var lstm = new LSTM(3, 5, batchFirst: true);
        var error = Assert.Throws<ArgumentException>(() => lstm.Forward(Input, lengths: Tensor.FromArray(lengths, lengths.Length)));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void Padded_steps_output_zeros_and_the_real_steps_match_the_unpacked_run()
    {
        var rnn = new RNN(3, 5, batchFirst: true, generator: new Generator(1));
        var packed = rnn.Forward(Input, lengths: Tensor.FromArray(new long[] { 2, 4 }, 2));
        var full = rnn.Forward(Input);
        Assert.Multiple(() =>
        {
            Assert.That(packed.Output.Slice(1, 2, 4)[0].AllClose(Tensor.Zeros(2, 5)), "sequence 0 after its 2 real steps");
            Assert.That(packed.Output.Slice(1, 0, 2)[0].AllClose(full.Output.Slice(1, 0, 2)[0], 1e-6), "sequence 0's real steps");
            Assert.That(packed.Output[1].AllClose(full.Output[1], 1e-6), "sequence 1 is all real");
            Assert.That(packed.H[0, 0].AllClose(full.Output[0, 1], 1e-6), "the final state is the state after the last real step");
        });
    }
}
