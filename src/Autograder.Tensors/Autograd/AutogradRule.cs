namespace Autograder.Tensors.Autograd;

/// <summary>A course rule a grader can switch on: "this backward pass is written by hand", so the library's autograd may not run.</summary>
/// <remarks>
/// Process-wide, not per thread: a backward pass started on another thread (Task.Run) is refused too. A grader runs one
/// probe at a time in its worker, so the rule never leaks into a check that allows autograd.
/// </remarks>
public static class AutogradRule
{
    private static volatile string? s_forbidden;

    /// <summary>Gets why autograd is switched off now, or null when it may run.</summary>
    public static string? Forbidden => s_forbidden;

    /// <summary>Switches autograd off until the returned scope is disposed: <see cref="Tensor.Backward"/> then throws with <paramref name="reason"/>.</summary>
    /// <param name="reason">The rule, as the student should read it.</param>
    /// <returns>The scope; dispose it to allow autograd again.</returns>
    public static IDisposable Forbid(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var previous = s_forbidden;
        s_forbidden = reason;
        return new Scope(previous);
    }

    /// <summary>Throws when a grader has switched autograd off.</summary>
    internal static void ThrowIfForbidden()
    {
        if (s_forbidden is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                s_forbidden = previous;
            }
        }
    }
}
