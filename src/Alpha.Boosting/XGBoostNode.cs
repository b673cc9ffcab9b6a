using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>
/// One compiled XGBoost node, 16 bytes (four per cache line). A split's children are adjacent: the left one at
/// <see cref="Left"/>, the right one at Left + 1. A leaf loops to itself (Left = its own index − 1, threshold NaN so
/// every comparison goes "right", default right): a tree can then be walked a fixed number of steps, its depth,
/// without testing for leaves, and several trees or rows can be walked side by side.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XGBoostNode
{
    /// <summary>Index of the left child; the right child follows it.</summary>
    public int Left;

    /// <summary>The split feature (0 for a leaf).</summary>
    public int Feature;

    /// <summary>The split threshold (float32; x &lt; threshold goes left); NaN for a leaf.</summary>
    public float Threshold;

    /// <summary>Bit 0: missing goes left. Bit 1: categorical split (then bits 8+ index its category set).</summary>
    public int Flags;
}
