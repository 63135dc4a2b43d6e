namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of a permutation: the gradient permuted by the inverse permutation.</summary>
internal sealed class PermuteBackward(Tensor input, int[] order) : Node(input)
{
    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var inverse = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            inverse[order[i]] = i;
        }

        return [gradOutput.Permute(inverse)];
    }
}
