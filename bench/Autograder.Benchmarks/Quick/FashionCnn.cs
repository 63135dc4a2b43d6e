using Autograder.Tensors.NN;

namespace Autograder.Benchmarks.Quick;

/// <summary>The A2 Fashion-MNIST CNN: conv16 3×3 pad 1 → ReLU → pool 2 → conv32 3×3 → ReLU → pool 2 → 600 → ReLU → dropout → 120 → ReLU → 10 → log-softmax.</summary>
internal static class FashionCnn
{
    public static Sequential Create() => new(
        new Conv2d(1, 16, 3, padding: 1), new ReLU(), new MaxPool2d(2),
        new Conv2d(16, 32, 3), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Linear(32 * 6 * 6, 600), new ReLU(), new Dropout(0.25),
        new Linear(600, 120), new ReLU(), new Linear(120, 10), new LogSoftmax(1));
}
