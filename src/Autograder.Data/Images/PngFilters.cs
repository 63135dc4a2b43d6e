namespace Autograder.Data.Images;

/// <summary>The five PNG scanline filters (None, Sub, Up, Average, Paeth): reversing them on decode, choosing and applying them on encode.</summary>
internal static class PngFilters
{
    /// <summary>Reverses the filter of one scanline in place, given the already-reconstructed previous line (zeros for the first).</summary>
    public static void Unfilter(int type, Span<byte> line, ReadOnlySpan<byte> previous, int bytesPerPixel, string source)
    {
        switch (type)
        {
            case 0:
                break;
            case 1:
                for (var i = bytesPerPixel; i < line.Length; i++)
                {
                    line[i] += line[i - bytesPerPixel];
                }

                break;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += previous[i];
                }

                break;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
                    line[i] += (byte)((left + previous[i]) >> 1);
                }

                break;
            case 4:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bytesPerPixel ? line[i - bytesPerPixel] : (byte)0;
                    var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : (byte)0;
                    line[i] += Paeth(left, previous[i], upLeft);
                }

                break;
            default:
                throw new DataFormatException($"PNG {source}: scanline filter type {type} is invalid (0–4 are defined). The file is corrupt.");
        }
    }

    /// <summary>Filters one scanline with the type whose output has the smallest sum of absolute values (the usual heuristic).</summary>
    /// <returns>The chosen type; <paramref name="output"/> holds the filtered bytes.</returns>
    public static byte FilterBest(ReadOnlySpan<byte> line, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> output, Span<byte> scratch)
    {
        var bestType = 0;
        var bestScore = long.MaxValue;
        for (var type = 0; type < 5; type++)
        {
            Filter(type, line, previous, bytesPerPixel, scratch);
            long score = 0;
            foreach (var b in scratch)
            {
                score += b < 128 ? b : 256 - b;
            }

            if (score < bestScore)
            {
                (bestScore, bestType) = (score, type);
                scratch.CopyTo(output);
            }
        }

        return (byte)bestType;
    }

    private static void Filter(int type, ReadOnlySpan<byte> line, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var left = i >= bpp ? line[i - bpp] : (byte)0;
            var up = previous[i];
            var upLeft = i >= bpp ? previous[i - bpp] : (byte)0;
            output[i] = type switch
            {
                0 => line[i],
                1 => (byte)(line[i] - left),
                2 => (byte)(line[i] - up),
                3 => (byte)(line[i] - ((left + up) >> 1)),
                _ => (byte)(line[i] - Paeth(left, up, upLeft)),
            };
        }
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
