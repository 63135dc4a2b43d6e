using System.Numerics;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Autograder.Kernels.Recurrent;

/// <summary>
/// The sequences still running at each step of a recurrent layer, as a prefix of a batch sorted longest first: the counts'
/// checks, their total, and the gathering of the running rows of per-step buffers into one matrix.
/// </summary>
public static class RunningRows
{
    /// <summary>Throws unless the counts do not increase and lie in [0, batch], and the sizes are positive.</summary>
    public static void Validate(string op, ReadOnlySpan<int> running, int batch, int hiddenSize)
    {
        if (hiddenSize <= 0 || batch <= 0)
        {
            ThrowHelper.Argument(op, $"the batch ({batch}) and the hidden size ({hiddenSize}) must be positive.");
        }

        for (var t = 0; t < running.Length; t++)
        {
            if (running[t] < 0 || running[t] > (t == 0 ? batch : running[t - 1]))
            {
                ThrowHelper.Argument(op, $"running counts must not increase and lie in [0, {batch}]; step {t} has {running[t]}.");
            }
        }
    }

    /// <summary>The number of real steps over the batch, Σₜ running[t]: the rows <see cref="Gather"/> writes.</summary>
    public static int Total(ReadOnlySpan<int> running)
    {
        var total = 0;
        foreach (var rows in running)
        {
            total += rows;
        }

        return total;
    }

    /// <summary>Copies the running rows of each step of <paramref name="source"/> ((T, N, width) row-major) one after another into <paramref name="destination"/>.</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> running, int batch, int width, Span<T> destination)
    {
        var at = 0;
        for (var t = 0; t < running.Length; t++)
        {
            source.Slice(t * batch * width, running[t] * width).CopyTo(destination.Slice(at * width));
            at += running[t];
        }
    }

    /// <summary>destination = the sum of the rows (a bias's gradient) of width <paramref name="width"/>; nothing when the destination is empty.</summary>
    public static void SumRows<T>(ReadOnlySpan<T> rows, int width, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination.IsEmpty)
        {
            return;
        }

        destination[..width].Clear();
        for (var at = 0; at < rows.Length; at += width)
        {
            TP.Add(destination[..width], rows.Slice(at, width), destination[..width]);
        }
    }

}
