using System.Numerics;

namespace Autograder.Kernels.Pooling;

/// <summary>2-D average pooling over planes, forward and backward, with PyTorch's divisor rules.</summary>
/// <remarks>
/// With <c>countIncludePad</c> the divisor is the window's size clipped to the padded input; without,
/// the number of real input values under the window.
/// </remarks>
public static class AvgPool2d
{
    /// <summary>Averages every window of every plane.</summary>
    public static void Forward<T>(ReadOnlySpan<T> input, int planes, in PoolWindow window, bool countIncludePad, Span<T> output)
        where T : INumber<T>
    {
        const string Op = "AvgPool2d.Forward";
        var w = window;
        Check(Op, w, planes, input.Length, output.Length);
        int inSize = w.Height * w.Width, outSize = w.OutHeight * w.OutWidth;
        for (var p = 0; p < planes; p++)
        {
            var plane = input.Slice(p * inSize, inSize);
            var o = p * outSize;
            for (var oh = 0; oh < w.OutHeight; oh++)
            {
                for (var ow = 0; ow < w.OutWidth; ow++, o++)
                {
                    var (hs, he, ws, we, divisor) = Bounds(w, oh, ow, countIncludePad);
                    var sum = T.Zero;
                    for (var ih = hs; ih < he; ih++)
                    {
                        for (var iw = ws; iw < we; iw++)
                        {
                            sum += plane[(ih * w.Width) + iw];
                        }
                    }

                    output[o] = sum / T.CreateChecked(divisor);
                }
            }
        }
    }

    /// <summary>Spreads each output gradient evenly over its window: the adjoint of <see cref="Forward"/>.</summary>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, int planes, in PoolWindow window, bool countIncludePad, Span<T> gradInput)
        where T : INumber<T>
    {
        const string Op = "AvgPool2d.Backward";
        var w = window;
        Check(Op, w, planes, gradInput.Length, gradOutput.Length);
        int inSize = w.Height * w.Width, outSize = w.OutHeight * w.OutWidth;
        for (var p = 0; p < planes; p++)
        {
            var plane = gradInput.Slice(p * inSize, inSize);
            var o = p * outSize;
            for (var oh = 0; oh < w.OutHeight; oh++)
            {
                for (var ow = 0; ow < w.OutWidth; ow++, o++)
                {
                    var (hs, he, ws, we, divisor) = Bounds(w, oh, ow, countIncludePad);
                    var share = gradOutput[o] / T.CreateChecked(divisor);
                    for (var ih = hs; ih < he; ih++)
                    {
                        for (var iw = ws; iw < we; iw++)
                        {
                            plane[(ih * w.Width) + iw] += share;
                        }
                    }
                }
            }
        }
    }

    private static (int Hs, int He, int Ws, int We, int Divisor) Bounds(in PoolWindow w, int oh, int ow, bool countIncludePad)
    {
        var hs = (oh * w.StrideHeight) - w.PadHeight;
        var ws = (ow * w.StrideWidth) - w.PadWidth;
        var he = Math.Min(hs + w.KernelHeight, w.Height + w.PadHeight);
        var we = Math.Min(ws + w.KernelWidth, w.Width + w.PadWidth);
        var padded = (he - hs) * (we - ws);
        (hs, ws) = (Math.Max(hs, 0), Math.Max(ws, 0));
        (he, we) = (Math.Min(he, w.Height), Math.Min(we, w.Width));
        var divisor = countIncludePad ? padded : (he - hs) * (we - ws);
        return (hs, he, ws, we, Math.Max(divisor, 1));
    }

    private static void Check(string op, in PoolWindow w, int planes, int inputLength, int outputLength)
    {
        w.Validate(op);
        ThrowHelper.CheckLength(op, "input", inputLength, (long)planes * w.Height * w.Width);
        ThrowHelper.CheckLength(op, "output", outputLength, (long)planes * w.OutHeight * w.OutWidth);
    }
}
