namespace Autograder.Kernels.Tests;

/// <summary>Base for kernel tests that run once per code path: widest SIMD, 256-bit SIMD (AVX2 kernels), and SIMD forced off.</summary>
[TestFixture(true, 512)]
[TestFixture(true, 256)]
[TestFixture(false, 0)]
[NonParallelizable]
public abstract class SimdFixture(bool simd, int vectorBits)
{
    private bool _savedSimd;
    private int _savedBits;

    protected bool Simd { get; } = simd;

    [SetUp]
    public void SetSimd()
    {
        (_savedSimd, _savedBits) = (KernelSettings.SimdEnabled, KernelSettings.MaxVectorBits);
        KernelSettings.SimdEnabled = Simd;
        KernelSettings.MaxVectorBits = vectorBits;
    }

    [TearDown]
    public void RestoreSimd() => (KernelSettings.SimdEnabled, KernelSettings.MaxVectorBits) = (_savedSimd, _savedBits);
}
