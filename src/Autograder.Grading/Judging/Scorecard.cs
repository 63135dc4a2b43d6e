using Autograder.Tensors;

namespace Autograder.Grading.Judging;

/// <summary>Builds a <see cref="Checks.Verdict"/> from weighted parts: values, gradients and properties, each with its own message.</summary>
/// <remarks>
/// Tolerance bands: a value within the check's tolerance earns its full weight; one that misses it only as float32
/// arithmetic would (<see cref="IsRoundingDifference"/>) earns half; anything further, a NaN or an infinity where the
/// reference has a number included, earns nothing. The fraction is earned weight over total weight.
/// </remarks>
public sealed class Scorecard
{
    /// <summary>The relative error per element under which a value that misses the strict tolerance may still earn half its weight.</summary>
    public const double LooseTolerance = 1e-3;

    /// <summary>
    /// The largest difference, relative to the largest reference value, that float32 arithmetic explains: its rounding
    /// (6·10⁻⁸ an operation) grows with the size of the operands, so a sum of a few hundred terms stays well inside 10⁻⁵ of
    /// the result's scale, while a wrong constant or a missing small term of a formula does not.
    /// </summary>
    public const double RoundingScale = 1e-5;

    private readonly List<string> _problems = [];
    private string? _blame;
    private bool _failed;
    private double _earned;
    private double _total;

    /// <summary>Scores a value against the reference's; <c>member</c> names the member that computes it (a method name or <c>Type.Method</c>), where a failure points (null: the check's first).</summary>
    public Scorecard Value(string name, Tensor actual, Tensor expected, double weight = 1, double tolerance = 1e-7, string? member = null, int? batchSize = null) =>
        Banded(Compare.Value(name, actual, expected, batchSize, tolerance), name, actual, expected, weight, tolerance, member);

    /// <summary>Scores a gradient against the reference's, naming the likely bug when the difference fits a pattern; a failure points at <c>member</c>, by default a target named <c>…Backward</c> where the check has one.</summary>
    public Scorecard Gradient(string name, Tensor actual, Tensor expected, double weight = 1, int? batchSize = null, Tensor? ignoringUpstream = null, double tolerance = 1e-7, string? member = "Backward") =>
        Banded(Compare.Gradient(name, actual, expected, batchSize, ignoringUpstream, tolerance), name, actual, expected, weight, tolerance, member);

    /// <summary>Scores a property: full weight when it holds, else nothing and the message; a failure points at <c>member</c> (null: the check's first).</summary>
    public Scorecard Property(bool holds, string failure, double weight = 1, string? member = null)
    {
        _total += weight;
        if (holds)
        {
            _earned += weight;
        }
        else
        {
            Failed(failure, member);
        }

        return this;
    }

    /// <summary>Gets a value indicating whether a part scored so far has failed (later messages may say it is the cause).</summary>
    public bool HasFailed => _failed;

    /// <summary>Gets the verdict: the earned fraction, every problem's message, and the member of the first problem.</summary>
    public Checks.Verdict Verdict => new(_total == 0 ? 1 : _earned / _total, string.Join(" ", _problems)) { Blame = _blame };

    private void Failed(string problem, string? member)
    {
        _problems.Add(problem);
        if (!_failed)
        {
            (_failed, _blame) = (true, member);
        }
    }

    private Scorecard Banded(string? problem, string name, Tensor actual, Tensor expected, double weight, double tolerance, string? member)
    {
        _total += weight;
        if (problem is null)
        {
            _earned += weight;
        }
        else if (tolerance < LooseTolerance && IsRoundingDifference(actual, expected))
        {
            _earned += weight / 2;
            Failed($"{problem} The difference is as small as float32 rounding makes it though: half credit (computed in float32 instead of float64?).", member);
        }
        else
        {
            Failed(problem, member);
        }

        return this;
    }

    /// <summary>
    /// Whether <paramref name="actual"/> differs from <paramref name="expected"/> only as float32 arithmetic would: the same
    /// shape, finite wherever the reference is, every element within <see cref="LooseTolerance"/> of it, and no difference
    /// above <see cref="RoundingScale"/> of the reference's largest magnitude.
    /// </summary>
    public static bool IsRoundingDifference(Tensor actual, Tensor expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (!actual.Shape.SequenceEqual(expected.Shape) || Compare.Tensors("value", actual, expected, LooseTolerance) is not null)
        {
            return false;
        }

        var a = actual.To(DType.Float64).ToArray<double>();
        var e = expected.To(DType.Float64).ToArray<double>();
        var scale = e.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (var i = 0; i < a.Length; i++)
        {
            if (double.IsFinite(e[i]) && (!double.IsFinite(a[i]) || Math.Abs(a[i] - e[i]) > RoundingScale * scale))
            {
                return false;
            }
        }

        return true;
    }
}
