namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Undoes broadcasting in backward: sums a gradient over the dimensions an input was expanded along.</summary>
internal static class BroadcastGradient
{
    /// <summary>Sums <paramref name="gradient"/> down to <paramref name="shape"/> (leading dimensions, and dimensions of size 1 that were expanded).</summary>
    public static Tensor SumTo(Tensor gradient, int[] shape)
    {
        if (gradient.Shape.SequenceEqual(shape))
        {
            return gradient;
        }

        var lead = gradient.Dim - shape.Length;
        var dims = new List<int>();
        for (var d = 0; d < gradient.Dim; d++)
        {
            if (d < lead || (shape[d - lead] == 1 && gradient.Shape[d] != 1))
            {
                dims.Add(d);
            }
        }

        var summed = dims.Count > 0 ? gradient.Sum([.. dims], keepDim: true) : gradient;
        return summed.Reshape(shape);
    }
}
