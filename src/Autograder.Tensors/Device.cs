namespace Autograder.Tensors;

/// <summary>Where a tensor's storage lives. Only the CPU exists today; the type keeps a CUDA backend possible.</summary>
/// <param name="Kind">The device kind, e.g. "cpu".</param>
public readonly record struct Device(string Kind)
{
    /// <summary>Gets the CPU.</summary>
    public static Device Cpu { get; } = new("cpu");

    /// <inheritdoc/>
    public override string ToString() => Kind;
}
