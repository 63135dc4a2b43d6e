namespace Autograder.Tensors.Autograd.Functions;

/// <summary>Gradient of the max or min of all elements: shared evenly by the elements that attain it.</summary>
internal sealed class ExtremeAllBackward : Node
{
    public ExtremeAllBackward(Tensor input, Tensor result)
        : base(input) => Save(input, result);

    public override Tensor?[] Apply(Tensor gradOutput)
    {
        var input = Saved(0);
        var mask = input.Eq(Saved(1)).To(gradOutput.DType);
        return [mask * (gradOutput / mask.Sum())];
    }
}
