namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of cat: the gradient cut back into the inputs' extents along the joined dimension.</summary>
internal sealed class CatBackward(IReadOnlyList<Tensor> inputs, int dim) : Node([.. inputs])
{
    private readonly int[] _sizes = [.. inputs.Select(t => t.Shape[dim])];
    private readonly DType[] _dtypes = [.. inputs.Select(t => t.DType)];

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var grads = new Tensor?[_sizes.Length];
        var start = 0;
        for (var i = 0; i < _sizes.Length; i++)
        {
            grads[i] = NeedsGrad(i) ? gradOutput.Narrow(dim, start, _sizes[i]).To(_dtypes[i]) : null;
            start += _sizes[i];
        }

        return grads;
    }
}
