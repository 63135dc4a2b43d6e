namespace Autograder.Grading.Building;

/// <summary>An exclusive lock on one build folder, held across processes: a lock file opened with no sharing.</summary>
/// <remarks>
/// .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Unix, which the kernel releases when the holder
/// exits, however it exits: a grader killed mid-build leaves no stale lock.
/// </remarks>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>Waits until the lock at <paramref name="path"/> is free (at most <paramref name="patience"/>) and takes it.</summary>
    /// <exception cref="IOException">Another build held it for longer than <paramref name="patience"/>.</exception>
    public static BuildLock Acquire(string path, TimeSpan patience, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < patience)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (IOException e)
            {
                throw new IOException($"Another grader has been building in {Path.GetDirectoryName(path)} for over {patience.TotalMinutes:0} minutes; stop it or remove {path}.", e);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
