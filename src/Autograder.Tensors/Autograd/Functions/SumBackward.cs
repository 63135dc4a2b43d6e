namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a sum over dimensions: the gradient broadcast back over them.</summary>
internal sealed class SumBackward(Tensor input, int[] dims, bool keepDim) : Node(input)
{
    private readonly int[] _shape = input.ShapeArray;

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var g = gradOutput;
        if (!keepDim)
        {
            foreach (var d in dims.Order())
            {
                g = g.Unsqueeze(d);
            }
        }

        return [g.Expand(_shape)];
    }
}
