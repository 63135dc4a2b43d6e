namespace Autograder.Tensors.Models;

/// <summary>How ResNet's strided layers (the 7×7 stem, the max pool, the first 3×3 of a halving block) pad their input.</summary>
public enum ResNetPadding
{
    /// <summary>The same on every side, as torchvision's ResNet.</summary>
    Symmetric,

    /// <summary>
    /// One more row and column before than after (the 7×7 stem pads 3 above and left, 2 below and right), as the CNTK-trained
    /// network in <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> does. On an even-sized input it gives the same output as
    /// <see cref="Symmetric"/> (a stride-2 window never reaches the last padded row); on an odd size it differs.
    /// </summary>
    MoreBefore,
}

/// <summary>The padding of <see cref="ResNetPadding.MoreBefore"/>.</summary>
internal static class ResNetPaddingExtensions
{
    /// <summary>Pads (N, C, H, W) with <paramref name="before"/> rows and columns above and left and one fewer below and right.</summary>
    public static Tensor PadMoreBefore(Tensor x, int before, double value = 0) => x.Pad([before, before - 1, before, before - 1], value);
}
