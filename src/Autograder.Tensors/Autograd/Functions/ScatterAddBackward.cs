namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of scatter_add: the gradient itself for the input, gathered at the index for the source.</summary>
internal sealed class ScatterAddBackward(Tensor input, int dim, Tensor index, Tensor source) : Node(input, source)
{
    private readonly int[] _sourceShape = source.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        Tensor? gs = null;
        if (NeedsGrad(1))
        {
            // Positions of the source beyond the index's extent receive no gradient.
            var gathered = gradOutput.Gather(dim, index);
            gs = gathered.Shape.SequenceEqual(_sourceShape) ? gathered : PadTo(gathered, _sourceShape);
        }

        return [NeedsGrad(0) ? gradOutput : null, gs];
    }

    private static Tensor PadTo(Tensor g, int[] shape)
    {
        var result = Tensor.Zeros(shape, g.DType);
        var view = result;
        for (var d = 0; d < g.Dim; d++)
        {
            view = view.Narrow(d, 0, g.Shape[d]);
        }

        view.CopyFrom(g);
        return result;
    }
}
