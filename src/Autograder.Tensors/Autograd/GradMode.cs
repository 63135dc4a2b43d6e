namespace Autograder.Tensors.Autograd;

/// <summary>Whether operations record the autograd graph on this thread (on by default).</summary>
public static class GradMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    /// <summary>Gets whether new operations are recorded for backward.</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Stops recording until the returned scope is disposed (scopes nest).</summary>
    /// <returns>The scope; dispose it to restore recording.</returns>
    public static IDisposable Disable()
    {
        t_disabledDepth++;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                t_disabledDepth--;
            }
        }
    }
}
