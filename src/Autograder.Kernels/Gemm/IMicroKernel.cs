namespace Autograder.Kernels.Gemm;

/// <summary>A register-tiled GEMM micro-kernel: C[MR×NR] += alpha · Apanel · Bpanel (or C = alpha · Apanel · Bpanel).</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Apanel is MR rows packed column by column (kc steps of MR values); Bpanel is NR columns packed row by
/// row (kc steps of NR values). The kernel accumulates k in increasing order, so a C element's value
/// never depends on how the surrounding driver splits work among threads.
/// </remarks>
internal unsafe interface IMicroKernel<T>
    where T : unmanaged
{
    /// <summary>Gets the rows of C one call computes.</summary>
    static abstract int MR { get; }

    /// <summary>Gets the columns of C one call computes.</summary>
    static abstract int NR { get; }

    /// <summary>Adds alpha · (a · b) to the MR×NR tile of C at <paramref name="c"/> with row stride <paramref name="ldc"/>, or stores it there when <paramref name="overwrite"/> (C's old values, NaNs included, are then never read).</summary>
    static abstract void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, bool overwrite);
}
