namespace Autograder.Kernels.Tests;

/// <summary>Base for kernel tests that run twice: with SIMD on, and forced off (the scalar paths).</summary>
[TestFixture(true)]
[TestFixture(false)]
[NonParallelizable]
public abstract class SimdFixture(bool simd)
{
    private bool _savedSimd;

    protected bool Simd { get; } = simd;

    [SetUp]
    public void SetSimd()
    {
        _savedSimd = KernelSettings.SimdEnabled;
        KernelSettings.SimdEnabled = Simd;
    }

    [TearDown]
    public void RestoreSimd() => KernelSettings.SimdEnabled = _savedSimd;
}
