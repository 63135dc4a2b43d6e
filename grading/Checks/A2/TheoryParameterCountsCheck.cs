using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>The theory question on parameter counts: the small CNN on 28×28×3 images and its fully-connected alternative.</summary>
/// <remarks>The messages do not reveal the numbers: a public check must not hand out the answer.</remarks>
internal sealed class TheoryParameterCountsCheck() : A2Check("a2.theory_parameter_counts", "Theory: parameter counts of the CNN and the fully-connected net", 2,
    "Homework.A2.Answers.ConvNetParameterCount", "Homework.A2.Answers.FullyConnectedParameterCount")
{
    public override Observation Probe(ProbeContext context)
    {
        var observation = new Observation();
        observation.Set("conv", Answers.ConvNetParameterCount());
        observation.Set("fc", Answers.FullyConnectedParameterCount());
        return observation;
    }

    public override Verdict Judge(Observation student, Observation expected) => new Scorecard()
        .Property(student["conv"].Item() == expected["conv"].Item(), "ConvNetParameterCount() is not right: count each kernel's 5·5·3 weights and its bias, then the linear layer's weights (one per pooled feature and output) and biases; the pool has no parameters but sets the linear layer's input size.")
        .Property(student["fc"].Item() == expected["fc"].Item(), "FullyConnectedParameterCount() is not right: each layer has inputs × outputs weights plus one bias per output.")
        .Verdict;
}
