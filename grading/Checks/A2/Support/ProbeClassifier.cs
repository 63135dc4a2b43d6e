using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Autograder.Host.Checks.A2.Support;

/// <summary>
/// A small classifier written by the grader (affine – ReLU – dropout 0.5 – affine – log-softmax, float64), so the training-loop
/// checks do not depend on the student's CNN. Two instances made from the same seed draw the same dropout masks.
/// </summary>
internal sealed class ProbeClassifier : Module<Tensor, Tensor>
{
    private readonly Linear _fc1;
    private readonly Dropout _dropout;
    private readonly Linear _fc2;

    public ProbeClassifier(int inputs, int hidden, int classes, long seed)
    {
        _fc1 = new Linear(inputs, hidden, generator: new Generator(seed), dtype: DType.Float64);
        _dropout = new Dropout(0.5, new Generator(seed + 1));
        _fc2 = new Linear(hidden, classes, generator: new Generator(seed + 2), dtype: DType.Float64);
    }

    public override Tensor Forward(Tensor input) => _fc2.Call(_dropout.Call(_fc1.Call(input).Relu())).LogSoftmax(1);
}
