namespace Autograder.Tensors.Tests;

/// <summary>Paths of the committed fixtures (made by IO/Fixtures/make_fixtures.py with NumPy and PyTorch).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "IO", "Fixtures", name);
}
