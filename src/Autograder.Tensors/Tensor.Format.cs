using System.Globalization;
using System.Text;

namespace Autograder.Tensors;

/// <summary>Printing like PyTorch: <c>tensor([[1.0000, 2.0000], …])</c> with a shared number format and the dtype when not the default.</summary>
public sealed partial class Tensor
{
    private const int SummarizeThreshold = 1000;
    private const int EdgeItems = 3;

    /// <inheritdoc/>
    public override string ToString()
    {
        var t = Contiguous();
        var values = Enumerable.Range(0, t.NumEl).Select(t.GetAsDouble).ToArray();
        var format = NumberFormat(values);
        var sb = new StringBuilder("tensor(");
        Append(sb, t, values, format, 0, 0, "tensor(".Length, NumEl > SummarizeThreshold);
        if (DType is DType.Float64 or DType.Int64 && NumEl == 0 || DType is DType.Float64)
        {
            sb.Append(", dtype=torch.").Append(DType.Name());
        }

        if (GradFn is not null)
        {
            sb.Append(", grad_fn=<").Append(GradFn.Name).Append('>');
        }
        else if (RequiresGrad)
        {
            sb.Append(", requires_grad=True");
        }

        return sb.Append(')').ToString();
    }

    private static void Append(StringBuilder sb, Tensor t, double[] values, Func<double, string> format, int dim, int offset, int indent, bool summarize)
    {
        if (t.Dim == 0)
        {
            sb.Append(format(values[0]));
            return;
        }

        var size = t._shape[dim];
        var stride = t._strides[dim];
        sb.Append('[');
        for (var i = 0; i < size; i++)
        {
            if (summarize && size > 2 * EdgeItems && i == EdgeItems)
            {
                sb.Append(dim == t.Dim - 1 ? "..., " : "...,\n" + new string(' ', indent + dim + 1));
                i = size - EdgeItems - 1;
                continue;
            }

            if (dim == t.Dim - 1)
            {
                sb.Append(format(values[offset + i]));
            }
            else
            {
                Append(sb, t, values, format, dim + 1, offset + (i * stride), indent, summarize);
            }

            if (i < size - 1)
            {
                sb.Append(dim == t.Dim - 1 ? ", " : "," + new string('\n', t.Dim - 1 - dim) + new string(' ', indent + dim + 1));
            }
        }

        sb.Append(']');
    }

    private Func<double, string> NumberFormat(double[] values)
    {
        if (DType == DType.Bool)
        {
            var width = values.Any(v => v == 0) ? 5 : 4;
            return v => (v != 0 ? "True" : "False").PadLeft(width);
        }

        if (DType == DType.Int64)
        {
            var width = values.Length == 0 ? 1 : values.Max(v => ((long)v).ToString(CultureInfo.InvariantCulture).Length);
            return v => ((long)v).ToString(CultureInfo.InvariantCulture).PadLeft(width);
        }

        var finite = values.Where(double.IsFinite).Select(Math.Abs).ToArray();
        var max = finite.Length == 0 ? 0 : finite.Max();
        var min = finite.Length == 0 ? 0 : finite.Min();
        var scientific = finite.Length > 0 && (max >= 1e8 || (min > 0 && min < 1e-4) || max / Math.Max(min, double.Epsilon) > 1000 && min > 0);
        var allIntegers = finite.All(v => v == Math.Floor(v)) && max < 1e8;
        string Raw(double v) => double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
            : scientific ? v.ToString("0.0000e+00", CultureInfo.InvariantCulture)
            : allIntegers ? v.ToString("0", CultureInfo.InvariantCulture) + "."
            : v.ToString("0.0000", CultureInfo.InvariantCulture);
        var cellWidth = values.Length == 0 ? 1 : values.Max(v => Raw(v).Length);
        return v => Raw(v).PadLeft(cellWidth);
    }
}
