namespace Autograder.Kernels.Gemm;

/// <summary>Cache-blocking sizes for the packed GEMM (tuned for a 48 KiB L1d and 1 MiB L2 per core).</summary>
/// <remarks>
/// KC × NR values of a packed B micro-panel stay in L1 while the MC × KC packed A block streams from
/// L2; the KC × NC packed B panel lives in L3. MC and NC are multiples of every MR and NR in use.
/// </remarks>
internal static class GemmBlocking
{
    /// <summary>Depth of one packed block (the k extent).</summary>
    public const int KC = 256;

    /// <summary>Rows of A packed per task.</summary>
    public const int MC = 192;

    /// <summary>Columns of B packed per outer iteration.</summary>
    public const int NC = 3072;

    /// <summary>At or below this many multiply-adds the unpacked loop is faster than packing.</summary>
    public const long SmallProblem = 32 * 32 * 32;
}
