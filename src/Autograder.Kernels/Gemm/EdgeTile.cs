namespace Autograder.Kernels.Gemm;

/// <summary>Copies the part of a full micro-tile, computed into scratch, that lies inside C at a ragged edge.</summary>
internal static unsafe class EdgeTile
{
    /// <summary>Adds (or, when <paramref name="overwrite"/>, stores) scratch's leading rows × cols into the tile of C at <paramref name="c"/>.</summary>
    public static void Write<T>(T* scratch, int scratchStride, T* c, nint ldc, int rows, int cols, bool overwrite)
        where T : unmanaged, System.Numerics.IAdditionOperators<T, T, T>
    {
        for (var i = 0; i < rows; i++)
        {
            var cRow = c + (i * ldc);
            var sRow = scratch + ((nint)i * scratchStride);
            for (var j = 0; j < cols; j++)
            {
                cRow[j] = overwrite ? sRow[j] : cRow[j] + sRow[j];
            }
        }
    }
}
