namespace Autograder.Tensors.Checking;

/// <summary>The comparison of one input's analytic gradient with central differences.</summary>
/// <param name="Name">The input's name (e.g. "W1" or "input 0").</param>
/// <param name="Shape">The input's shape.</param>
/// <param name="MaxRelativeError">max over checked elements of |a − n| / max(1e-8, |a| + |n|) (CS231n's convention).</param>
/// <param name="WorstIndex">The multi-index of the element with the largest relative error.</param>
/// <param name="Analytic">The analytic gradient at the worst element.</param>
/// <param name="Numeric">The numeric gradient at the worst element.</param>
/// <param name="ElementsChecked">How many elements were compared.</param>
/// <param name="Passed">Whether the error is within tolerance (and no value is NaN).</param>
public sealed record InputGradCheck(
    string Name, int[] Shape, double MaxRelativeError, int[] WorstIndex, double Analytic, double Numeric, int ElementsChecked, bool Passed)
{
    /// <summary>Returns e.g. <c>W1 (3, 4): max relative error 2.1e-01 at [1, 2] (analytic 0.5, numeric 0.3)</c>.</summary>
    public override string ToString() =>
        $"{Name} {ThrowHelper.Dims(Shape)}: max relative error {MaxRelativeError:0.0e+00} at [{string.Join(", ", WorstIndex)}] (analytic {Analytic:G6}, numeric {Numeric:G6}) over {ElementsChecked} elements{(Passed ? "" : " — FAILED")}";
}
