using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>A split of <see cref="LightGbmCompleteTrees"/>, 16 bytes: x ≤ <see cref="Threshold"/> goes left (2i + 1), else right (2i + 2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LightGbmHeapNode
{
    /// <summary>The threshold; +∞ for a pass-through over a shallow leaf.</summary>
    public double Threshold;

    /// <summary>The split feature.</summary>
    public int Feature;

    /// <summary>What a missing (NaN) value is compared as: 0 (missing type None), −∞ (NaN, default left) or +∞ (NaN, default right).</summary>
    public float Missing;
}
