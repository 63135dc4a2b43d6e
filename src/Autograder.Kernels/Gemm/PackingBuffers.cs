using System.Runtime.InteropServices;

namespace Autograder.Kernels.Gemm;

/// <summary>Per-thread, reused, 64-byte-aligned scratch for packed GEMM panels.</summary>
/// <remarks>
/// Allocating the panels per call cost more than the arithmetic of mid-sized products: a multi-megabyte native
/// allocation is a fresh mapping whose pages fault in on first touch. Each thread keeps its two buffers (one for
/// B, one for A) and grows them on demand; they live as long as the thread.
/// </remarks>
internal static unsafe class PackingBuffers
{
    [ThreadStatic]
    private static Buffer? t_panelB;

    [ThreadStatic]
    private static Buffer? t_panelA;

    /// <summary>Returns this thread's B-panel buffer, at least <paramref name="bytes"/> long.</summary>
    public static void* PanelB(nuint bytes) => (t_panelB ??= new Buffer()).Ensure(bytes);

    /// <summary>Returns this thread's A-panel buffer, at least <paramref name="bytes"/> long.</summary>
    public static void* PanelA(nuint bytes) => (t_panelA ??= new Buffer()).Ensure(bytes);

    private sealed class Buffer
    {
        private void* _memory;
        private nuint _capacity;

        ~Buffer()
        {
            NativeMemory.AlignedFree(_memory);
        }

        public void* Ensure(nuint bytes)
        {
            if (bytes > _capacity)
            {
                NativeMemory.AlignedFree(_memory);
                _capacity = Math.Max(bytes, _capacity * 2);
                _memory = NativeMemory.AlignedAlloc(_capacity, 64);
            }

            return _memory;
        }
    }
}
