using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Homework.A2;

/// <summary>
/// The Fashion-MNIST CNN (769,930 parameters), written with the nn library as one writes it with PyTorch:
/// conv1 (1 → 16, 3×3, padding 1) – ReLU – 2×2 max-pool – conv2 (16 → 32, 3×3) – ReLU – 2×2 max-pool – flatten –
/// fc1 (1152 → 600) – ReLU – dropout (p = 0.25) – fc2 (600 → 120) – ReLU – fc3 (120 → 10) – log-softmax.
/// </summary>
/// <remarks>
/// Declare the layers as fields named <c>_conv1</c>, <c>_conv2</c>, <c>_fc1</c>, <c>_fc2</c>, <c>_fc3</c> and <c>_dropout</c>, so
/// that the parameters are named <c>conv1.weight</c>, …, <c>fc3.bias</c> (the checks load weights by these names).
/// Input: images (N, 1, 28, 28); output: log-probabilities (N, 10).
/// </remarks>
public sealed class FashionCnn : Module<Tensor, Tensor>
{
    // BEGIN SOLUTION REMOVE (hint: the six layers as fields: _conv1, _conv2, _fc1, _fc2, _fc3 (Conv2d, Linear), _dropout (Dropout))
    private readonly Conv2d _conv1 = new(1, 16, 3, padding: 1);
    private readonly Conv2d _conv2 = new(16, 32, 3);
    private readonly Linear _fc1 = new(32 * 6 * 6, 600);
    private readonly Linear _fc2 = new(600, 120);
    private readonly Linear _fc3 = new(120, 10);
    private readonly Dropout _dropout = new(0.25);

    // END SOLUTION

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        // BEGIN SOLUTION (hint: conv1, ReLU, MaxPool2d(2), conv2, ReLU, MaxPool2d(2), Flatten(1), fc1, ReLU, dropout, fc2, ReLU, fc3, LogSoftmax(1))
        ArgumentNullException.ThrowIfNull(input);
        var x = _conv1.Call(input).Relu().MaxPool2d(2);
        x = _conv2.Call(x).Relu().MaxPool2d(2).Flatten(1);
        x = _dropout.Call(_fc1.Call(x).Relu());
        return _fc3.Call(_fc2.Call(x).Relu()).LogSoftmax(1);
        // END SOLUTION
    }
}
