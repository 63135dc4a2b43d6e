using Autograder.Tensors;

namespace Autograder.Grading.Judging;

/// <summary>Builds a <see cref="Checks.Verdict"/> from weighted parts: values, gradients and properties, each with its own message.</summary>
/// <remarks>
/// Tolerance bands: a value within the check's tolerance earns its full weight; one that is only within
/// <see cref="LooseTolerance"/> earns half (right formula, a precision slip such as float32 arithmetic or a different
/// epsilon); anything further earns nothing. The fraction is earned weight over total weight.
/// </remarks>
public sealed class Scorecard
{
    /// <summary>The relative error under which a value that misses the strict tolerance still earns half its weight.</summary>
    public const double LooseTolerance = 1e-3;

    private readonly List<string> _problems = [];
    private double _earned;
    private double _total;

    /// <summary>Scores a value against the reference's.</summary>
    public Scorecard Value(string name, Tensor actual, Tensor expected, double weight = 1, double tolerance = 1e-7) =>
        Banded(Compare.Tensors(name, actual, expected, tolerance), name, actual, expected, weight, tolerance);

    /// <summary>Scores a gradient against the reference's, naming the likely bug when the difference fits a pattern.</summary>
    public Scorecard Gradient(string name, Tensor actual, Tensor expected, double weight = 1, int? batchSize = null, Tensor? ignoringUpstream = null, double tolerance = 1e-7) =>
        Banded(Compare.Gradient(name, actual, expected, batchSize, ignoringUpstream, tolerance), name, actual, expected, weight, tolerance);

    /// <summary>Scores a property: full weight when it holds, else nothing and the message.</summary>
    public Scorecard Property(bool holds, string failure, double weight = 1)
    {
        _total += weight;
        if (holds)
        {
            _earned += weight;
        }
        else
        {
            _problems.Add(failure);
        }

        return this;
    }

    /// <summary>Gets the verdict: the earned fraction and every problem's message.</summary>
    public Checks.Verdict Verdict => new(_total == 0 ? 1 : _earned / _total, string.Join(" ", _problems));

    private Scorecard Banded(string? problem, string name, Tensor actual, Tensor expected, double weight, double tolerance)
    {
        _total += weight;
        if (problem is null)
        {
            _earned += weight;
        }
        else if (tolerance < LooseTolerance && Compare.Tensors(name, actual, expected, LooseTolerance) is null)
        {
            _earned += weight / 2;
            _problems.Add($"{problem} Within {LooseTolerance:0e0} though: half credit (float32 arithmetic, or a different epsilon?).");
        }
        else
        {
            _problems.Add(problem);
        }

        return this;
    }
}
