using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>
/// One compiled LightGBM node. A split's children are adjacent: the left one at <see cref="Left"/>, the right one at
/// Left + 1. A leaf loops to itself (Left = its own index − 1, threshold NaN, so every comparison goes "right"): a
/// tree is walked a fixed number of steps, its depth, without testing for leaves, and several trees side by side.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LightGbmNode
{
    /// <summary>Numerical split: x ≤ threshold goes left (NaN for a leaf). Categorical split: the index of its category set.</summary>
    public double Threshold;

    /// <summary>
    /// What a missing (NaN) value is compared as, for splits on the plain path: 0 for missing type None (LightGBM's
    /// rule), -∞ for missing type NaN with the default side left, +∞ with it right.
    /// </summary>
    public double Missing;

    /// <summary>Index of the left child; the right child follows it.</summary>
    public int Left;

    /// <summary>The split feature (0 for a leaf).</summary>
    public int Feature;

    /// <summary>0 for a split on the plain path (a numerical split whose missing values compare as <see cref="Missing"/>) and for a leaf; otherwise <see cref="LightGbmForest"/>'s flag bits.</summary>
    public int Flags;
}
