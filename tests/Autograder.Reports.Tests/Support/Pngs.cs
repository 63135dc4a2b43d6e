using Autograder.Data.Images;

namespace Autograder.Reports.Tests.Support;

/// <summary>Small real PNG files for report tests.</summary>
internal static class Pngs
{
    /// <summary>A 2×2 grey image of one shade.</summary>
    public static byte[] Gray(byte shade) => ImageCodec.EncodePng(new Image(2, 2, 1, [shade, shade, shade, shade]));
}
