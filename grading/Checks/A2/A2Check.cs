using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A2;

/// <summary>Shared metadata for A2's checks: assignment, visibility, the parts composite checks may take from the reference.</summary>
internal abstract class A2Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A2", id, title, points, visibility, targets)
{
    /// <summary>The 2-D operations file: the layer checks take it from the reference when the student's operations fail their own checks.</summary>
    protected static readonly Substitution ConvolutionFile = new("A2/Convolution.cs", "Homework.A2.Convolution");

    /// <summary>The general convolution layer, used by the ConvNet.</summary>
    protected static readonly Substitution StridedConvFile = new("A2/StridedConv.cs", "Homework.A2.StridedConv");

    /// <summary>Max-pooling, used by the ConvNet.</summary>
    protected static readonly Substitution MaxPoolFile = new("A2/MaxPool.cs", "Homework.A2.MaxPool");

    /// <summary>A1's layers (affine, ReLU, softmax loss), used by the ConvNet.</summary>
    protected static readonly Substitution LayersFile = new("A1/Layers.cs", "Homework.A1.Layers");

    protected A2Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
