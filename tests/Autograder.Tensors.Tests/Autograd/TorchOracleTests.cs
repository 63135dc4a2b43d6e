using Autograder.Tensors.IO;

namespace Autograder.Tensors.Tests.Autograd;

/// <summary>Forward values and gradients of spatial ops and log-softmax against PyTorch (fixture: IO/Fixtures/torch_ops.npz).</summary>
public sealed class TorchOracleTests
{
    private static readonly IReadOnlyDictionary<string, Tensor> Ops = Npz.Read(Fixtures.Path("torch_ops.npz"));

    private static readonly Dictionary<string, Func<Tensor[], Tensor>> Functions = new()
    {
        ["conv2d"] = x => x[0].Conv2d(x[1], x[2], (2, 1), (1, 2)),
        ["maxpool"] = x => x[0].MaxPool2d((3, 3), (2, 2), (1, 1), ceilMode: true),
        ["avgpool"] = x => x[0].AvgPool2d(3, 2, 1, countIncludePad: false),
        ["adaptive"] = x => x[0].AdaptiveAvgPool2d(3, 4),
        ["logsoftmax"] = x => x[0].LogSoftmax(1),
    };

    [TestCase("conv2d", 3)]
    [TestCase("maxpool", 1)]
    [TestCase("avgpool", 1)]
    [TestCase("adaptive", 1)]
    [TestCase("logsoftmax", 1)]
    public void Matches_pytorch_forward_and_backward(string name, int inputCount)
    {
        var inputs = Enumerable.Range(0, inputCount).Select(i => Ops[$"{name}.in{i}"].Clone().RequireGrad()).ToArray();
        var output = Functions[name](inputs);
        Assert.That(output.Shape.ToArray(), Is.EqualTo(Ops[$"{name}.out"].Shape.ToArray()), "output shape");
        Assert.That(output.AllClose(Ops[$"{name}.out"], 1e-12, 1e-12), Is.True, "forward values");
        output.Backward(Ops[$"{name}.upstream"]);
        for (var i = 0; i < inputCount; i++)
        {
            Assert.That(inputs[i].Grad!.AllClose(Ops[$"{name}.grad{i}"], 1e-10, 1e-12), Is.True, $"gradient of input {i}");
        }
    }
}
