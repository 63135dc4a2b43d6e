namespace Autograder.Tensors.Storage;

/// <summary>The buffers of dead tensors that the library keeps for reuse (PyTorch's <c>torch.cuda.empty_cache()</c> on the CPU).</summary>
/// <remarks>Large tensors reuse the arrays of dead ones of the same length instead of allocating fresh memory. A long-lived
/// process that is done with one workload and starts another of other shapes (a grading worker between experiments) calls
/// <see cref="Release"/> so the first one's arrays do not stay in the heap.</remarks>
public static class CachedBuffers
{
    /// <summary>Gets the bytes of the arrays waiting for reuse.</summary>
    public static long Bytes => StoragePool.PooledBytes;

    /// <summary>Drops every array waiting for reuse; the GC reclaims them at its next collection.</summary>
    /// <returns>The bytes dropped.</returns>
    public static long Release() => StoragePool.Release();
}
