using System.Numerics;

namespace Autograder.Kernels.Pooling;

/// <summary>Adaptive 2-D average pooling: output cell (i, j) averages rows ⌊i·H/OH⌋..⌈(i+1)·H/OH⌉ and the matching columns.</summary>
public static class AdaptiveAvgPool2d
{
    /// <summary>Pools every H×W plane to OH×OW.</summary>
    public static void Forward<T>(ReadOnlySpan<T> input, int planes, int height, int width, int outHeight, int outWidth, Span<T> output)
        where T : INumber<T>
    {
        Check("AdaptiveAvgPool2d.Forward", planes, height, width, outHeight, outWidth, input.Length, output.Length);
        for (var p = 0; p < planes; p++)
        {
            var plane = input.Slice(p * height * width, height * width);
            for (var i = 0; i < outHeight; i++)
            {
                var (hs, he) = Bounds(i, height, outHeight);
                for (var j = 0; j < outWidth; j++)
                {
                    var (ws, we) = Bounds(j, width, outWidth);
                    var sum = T.Zero;
                    for (var h = hs; h < he; h++)
                    {
                        for (var w = ws; w < we; w++)
                        {
                            sum += plane[(h * width) + w];
                        }
                    }

                    output[(((p * outHeight) + i) * outWidth) + j] = sum / T.CreateChecked((he - hs) * (we - ws));
                }
            }
        }
    }

    /// <summary>Spreads each output gradient evenly over its window (accumulating into <paramref name="gradInput"/>).</summary>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, int planes, int height, int width, int outHeight, int outWidth, Span<T> gradInput)
        where T : INumber<T>
    {
        Check("AdaptiveAvgPool2d.Backward", planes, height, width, outHeight, outWidth, gradInput.Length, gradOutput.Length);
        for (var p = 0; p < planes; p++)
        {
            var plane = gradInput.Slice(p * height * width, height * width);
            for (var i = 0; i < outHeight; i++)
            {
                var (hs, he) = Bounds(i, height, outHeight);
                for (var j = 0; j < outWidth; j++)
                {
                    var (ws, we) = Bounds(j, width, outWidth);
                    var share = gradOutput[(((p * outHeight) + i) * outWidth) + j] / T.CreateChecked((he - hs) * (we - ws));
                    for (var h = hs; h < he; h++)
                    {
                        for (var w = ws; w < we; w++)
                        {
                            plane[(h * width) + w] += share;
                        }
                    }
                }
            }
        }
    }

    private static (int Start, int End) Bounds(int index, int size, int outSize) =>
        (index * size / outSize, (((index + 1) * size) + outSize - 1) / outSize);

    private static void Check(string op, int planes, int height, int width, int outHeight, int outWidth, int inputLength, int outputLength)
    {
        if (planes < 0 || height <= 0 || width <= 0 || outHeight <= 0 || outWidth <= 0)
        {
            ThrowHelper.Argument(op, $"sizes must be positive; got input ({height}, {width}), output ({outHeight}, {outWidth}).");
        }

        ThrowHelper.CheckLength(op, "input", inputLength, (long)planes * height * width);
        ThrowHelper.CheckLength(op, "output", outputLength, (long)planes * outHeight * outWidth);
    }
}
