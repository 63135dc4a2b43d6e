using System.Runtime.Intrinsics;

namespace Autograder.Kernels;

/// <summary>Process-wide switches for the kernels: SIMD on or off, and how many threads they may use.</summary>
/// <remarks>
/// Results never depend on <see cref="MaxThreads"/>: kernels split work so that every output element
/// is computed in the same order whatever the thread count. Turning <see cref="SimdEnabled"/> off routes
/// every kernel through its scalar path, so the SIMD paths can be tested against it.
/// </remarks>
public static class KernelSettings
{
    private static int _maxThreads = Environment.ProcessorCount;

    /// <summary>Gets or sets whether kernels may use SIMD instructions (default: true).</summary>
    public static bool SimdEnabled { get; set; } = true;

    /// <summary>Gets or sets the most threads one kernel call may use (default: the processor count).</summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxThreads must be at least 1.");
    }

    /// <summary>Gets or sets the widest vectors the hand-written kernels may use: 512 (default), 256 (forces the AVX2 paths, for testing them on AVX-512 machines) or 128.</summary>
    public static int MaxVectorBits { get; set; } = 512;

    /// <summary>Gets whether 512-bit vectors are enabled, allowed and accelerated on this machine.</summary>
    public static bool UseVector512 => SimdEnabled && MaxVectorBits >= 512 && Vector512.IsHardwareAccelerated;

    /// <summary>Gets whether 256-bit vectors are enabled, allowed and accelerated on this machine.</summary>
    public static bool UseVector256 => SimdEnabled && MaxVectorBits >= 256 && Vector256.IsHardwareAccelerated;

    /// <summary>Runs <paramref name="action"/> with the given settings, restoring the previous ones after.</summary>
    /// <param name="simdEnabled">Whether SIMD is on while the action runs.</param>
    /// <param name="maxThreads">The thread limit while the action runs.</param>
    /// <param name="action">The work to run.</param>
    public static void With(bool simdEnabled, int maxThreads, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (simd, threads) = (SimdEnabled, MaxThreads);
        SimdEnabled = simdEnabled;
        MaxThreads = maxThreads;
        try
        {
            action();
        }
        finally
        {
            SimdEnabled = simd;
            MaxThreads = threads;
        }
    }
}
