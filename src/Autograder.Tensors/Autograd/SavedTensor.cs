namespace Autograder.Tensors.Autograd;

/// <summary>A tensor kept for backward, with the storage version it had when saved.</summary>
/// <remarks>Unpacking after an in-place write to the storage throws, naming the op: the gradient would be wrong.</remarks>
internal readonly struct SavedTensor
{
    private readonly Tensor? _tensor;
    private readonly int _version;

    public SavedTensor(Tensor tensor)
    {
        _tensor = tensor;
        _version = tensor.Storage.Version;
    }

    public Tensor Unpack(Node owner)
    {
        if (_tensor is null)
        {
            ThrowHelper.Invalid(owner.Name, "trying to backward through the graph a second time (or directly access saved tensors after they have already been freed); pass retainGraph: true to the first Backward call.");
        }

        if (_tensor.Storage.Version != _version)
        {
            ThrowHelper.Invalid(owner.Name, $"one of the tensors needed for gradient computation has been modified by an in-place operation: a tensor of shape {ThrowHelper.Dims(_tensor.Shape)} was saved at version {_version} and is now at version {_tensor.Storage.Version}. Use an out-of-place op (x = x + y instead of x.Add_(y)) or Clone() before modifying.");
        }

        return _tensor;
    }
}
