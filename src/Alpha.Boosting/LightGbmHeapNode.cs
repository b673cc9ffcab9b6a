using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>A split of <see cref="LightGbmCompleteTrees"/>, 16 bytes: x ≤ <see cref="Threshold"/> goes left (2i + 1), else right (2i + 2).</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
internal struct LightGbmHeapNode
{
    /// <summary>The threshold; +∞ for a pass-through over a shallow leaf.</summary>
    public double Threshold;

    /// <summary>
    /// Where the split's feature is read in the expanded row: feature + k × features, where copy k holds missing
    /// values as 0 (k = 0, missing type None), −∞ (1, NaN with the default left) or +∞ (2, NaN with the default right).
    /// </summary>
    public int Slot;
}
