namespace Autograder.Tensors.NN;

/// <summary>Flattens dimensions startDim..endDim (by default all but the batch dimension).</summary>
/// <param name="startDim">The first dimension to flatten.</param>
/// <param name="endDim">The last dimension to flatten.</param>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.NotNull(input).Flatten(startDim, endDim);
}
