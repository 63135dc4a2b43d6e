namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a slice: zeros of the input's shape with the gradient written into the sliced positions.</summary>
internal sealed class SliceBackward(Tensor input, int dim, int start, int step) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var grad = Tensor.Zeros(_shape, gradOutput.DType);
        var length = gradOutput.Shape[dim];
        grad.Slice(dim, start, start + ((length - 1) * step) + 1, step).CopyFrom(gradOutput);
        return [grad];
    }

    internal override bool TryAccumulateInto(Tensor target, Tensor gradOutput)
    {
        var length = gradOutput.Shape[dim];
        target.Slice(dim, start, start + ((length - 1) * step) + 1, step).Add_(gradOutput);
        return true;
    }
}
