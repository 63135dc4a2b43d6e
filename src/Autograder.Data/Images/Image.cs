namespace Autograder.Data.Images;

/// <summary>An 8-bit image: rows of pixels, each with <see cref="Channels"/> interleaved bytes (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA).</summary>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="Channels">Bytes per pixel.</param>
/// <param name="Pixels">Height × Width × Channels bytes, row-major.</param>
public sealed record Image(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>Converts to a float32 tensor (C, H, W) with values in [0, 1], like torchvision's <c>ToTensor</c>.</summary>
    public Tensors.Tensor ToTensor()
    {
        var values = new float[Pixels.Length];
        var plane = Width * Height;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < Channels; c++)
            {
                values[(c * plane) + i] = Pixels[(i * Channels) + c] / 255f;
            }
        }

        return Tensors.Tensor.FromArray(values, Channels, Height, Width);
    }

    /// <summary>Creates an image from a (C, H, W) or (H, W) tensor with values in [0, 1] (clamped, rounded).</summary>
    public static Image FromTensor(Tensors.Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var t = tensor.Dim == 2 ? tensor.Unsqueeze(0) : tensor;
        if (t.Dim != 3 || t.Shape[0] is < 1 or > 4)
        {
            throw new ArgumentException($"Image.FromTensor: expected (C, H, W) with 1–4 channels or (H, W); got {t}.", nameof(tensor));
        }

        int channels = t.Shape[0], height = t.Shape[1], width = t.Shape[2];
        var values = t.To(Tensors.DType.Float64).ToArray<double>();
        var pixels = new byte[values.Length];
        var plane = width * height;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                var v = values[(c * plane) + i];
                pixels[(i * channels) + c] = (byte)Math.Clamp(Math.Round(double.IsNaN(v) ? 0 : v * 255), 0, 255);
            }
        }

        return new Image(width, height, channels, pixels);
    }
}
