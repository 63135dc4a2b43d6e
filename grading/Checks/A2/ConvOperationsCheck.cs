using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A2;

namespace Autograder.Host.Checks.A2;

/// <summary>Valid convolution (kernel flipped), filtering (not flipped) and full convolution (padded by kernel − 1) on one channel.</summary>
internal sealed class ConvOperationsCheck() : A2Check("a2.conv_operations", "Convolution.Valid, Filter, Full on one channel", 3,
    "Homework.A2.Convolution.Valid", "Homework.A2.Convolution.Filter", "Homework.A2.Convolution.Full")
{
    public override Observation Probe(ProbeContext context)
    {
        var (x, k) = (context.Randn(6, 5), context.Randn(3, 2));
        return new Observation { ["valid"] = Convolution.Valid(x, k), ["filter"] = Convolution.Filter(x, k), ["full"] = Convolution.Full(x, k) };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard()
            .Value("Valid(x, k)", student["valid"], expected["valid"])
            .Value("Filter(x, k)", student["filter"], expected["filter"])
            .Value("Full(x, k)", student["full"], expected["full"]);
        var verdict = card.Verdict;
        if (Compare.Tensors("valid", student["valid"], expected["valid"]) is not null && Compare.Tensors("valid", student["valid"], expected["filter"]) is null)
        {
            return verdict with { Message = $"{verdict.Message} Likely bug: Valid equals filtering: the kernel must be flipped in both directions (K[h−1−a, w−1−b])." };
        }

        return verdict;
    }
}
