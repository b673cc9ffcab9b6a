using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>
/// Shallow LightGBM trees (all plain numerical splits, no linear leaves, depth ≤ <see cref="MaxDepth"/>) stored as
/// complete binary trees of one depth D in heap order: node i's children are 2i + 1 and 2i + 2, so a step needs no
/// child index from memory, and the leaves are the last level. A leaf shallower than D becomes a pass-through split
/// (threshold +∞: every value goes left) over copies of itself. Every row takes exactly D steps per tree, the same
/// comparisons as <see cref="LightGbmForest"/>'s walk, so the outputs are identical.
/// </summary>
internal sealed class LightGbmCompleteTrees
{
    /// <summary>The deepest tree stored this way (2^6 − 1 = 63 splits and 64 leaves per tree).</summary>
    public const int MaxDepth = 6;

    private const int Lanes = 4;

    private readonly LightGbmHeapNode[] _nodes;
    private readonly double[] _leaves;
    private readonly int _depth;
    private readonly int _splits;
    private readonly int _trees;

    private LightGbmCompleteTrees(LightGbmHeapNode[] nodes, double[] leaves, int depth, int trees)
    {
        _nodes = nodes;
        _leaves = leaves;
        _depth = depth;
        _splits = (1 << depth) - 1;
        _trees = trees;
    }

    /// <summary>The complete form of compiled trees, or null when one of them does not qualify.</summary>
    /// <param name="nodes">The breadth-first nodes (a leaf loops to itself).</param>
    /// <param name="root">Each tree's root node.</param>
    /// <param name="depth">Each tree's depth.</param>
    /// <param name="leafOfNode">A leaf node's leaf index, −1 for a split.</param>
    /// <param name="leafValue">Leaf values.</param>
    public static LightGbmCompleteTrees? TryCreate(LightGbmNode[] nodes, int[] root, int[] depth, int[] leafOfNode, double[] leafValue)
    {
        int d = depth.Length == 0 ? 0 : depth.Max();
        if (d > MaxDepth || Array.Exists(nodes, n => n.Flags != 0))
        {
            return null;
        }

        int splits = (1 << d) - 1;
        var heap = new LightGbmHeapNode[root.Length * Math.Max(splits, 1)];
        var leaves = new double[root.Length << d];
        for (int t = 0; t < root.Length; t++)
        {
            Fill(t, 0, 0, root[t]);
        }

        return new LightGbmCompleteTrees(heap, leaves, d, root.Length);

        void Fill(int tree, int position, int level, int source)
        {
            int leaf = leafOfNode[source];
            if (level == d)
            {
                leaves[(tree << d) + position - splits] = leafValue[leaf];
                return;
            }

            ref LightGbmHeapNode node = ref heap[(tree * splits) + position];
            if (leaf >= 0)
            {
                node = new LightGbmHeapNode { Threshold = double.PositiveInfinity, Feature = 0, Missing = 0 };
                Fill(tree, (2 * position) + 1, level + 1, source);
                Fill(tree, (2 * position) + 2, level + 1, source);
                return;
            }

            LightGbmNode split = nodes[source];
            node = new LightGbmHeapNode { Threshold = split.Threshold, Feature = split.Feature, Missing = (float)split.Missing };
            Fill(tree, (2 * position) + 1, level + 1, split.Left);
            Fill(tree, (2 * position) + 2, level + 1, split.Left + 1);
        }
    }

    /// <summary>Adds every tree's leaf for one row to its output (tree t to output t mod <paramref name="outputs"/>), in tree order.</summary>
    public void AddLeaves(ReadOnlySpan<double> features, Span<double> margins, int outputs)
    {
        // Most rows have no missing value: their steps skip the stand-in select.
        if (!HasNaN(features))
        {
            AddLeaves<NoMissing>(features, margins, outputs);
        }
        else
        {
            AddLeaves<MayMiss>(features, margins, outputs);
        }
    }

    private static bool HasNaN(ReadOnlySpan<double> features)
    {
        foreach (double x in features)
        {
            if (double.IsNaN(x))
            {
                return true;
            }
        }

        return false;
    }

    private void AddLeaves<TMissing>(ReadOnlySpan<double> features, Span<double> margins, int outputs)
        where TMissing : struct
    {
        ref double row = ref MemoryMarshal.GetReference(features);
        ref LightGbmHeapNode nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref double leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        int t = 0, output = 0, d = _depth, splits = _splits;
        for (; t + Lanes <= _trees; t += Lanes)
        {
            ref LightGbmHeapNode n0 = ref Unsafe.Add(ref nodes, t * splits);
            ref LightGbmHeapNode n1 = ref Unsafe.Add(ref n0, splits);
            ref LightGbmHeapNode n2 = ref Unsafe.Add(ref n1, splits);
            ref LightGbmHeapNode n3 = ref Unsafe.Add(ref n2, splits);
            int a = 0, b = 0, c = 0, e = 0;
            for (int k = 0; k < d; k++)
            {
                a = (2 * a) + 1 + Right<TMissing>(ref n0, a, ref row);
                b = (2 * b) + 1 + Right<TMissing>(ref n1, b, ref row);
                c = (2 * c) + 1 + Right<TMissing>(ref n2, c, ref row);
                e = (2 * e) + 1 + Right<TMissing>(ref n3, e, ref row);
            }

            ref double l0 = ref Unsafe.Add(ref leaves, (t << d) - splits);
            Add(margins, ref output, outputs, Unsafe.Add(ref l0, a));
            Add(margins, ref output, outputs, Unsafe.Add(ref l0, (1 << d) + b));
            Add(margins, ref output, outputs, Unsafe.Add(ref l0, (2 << d) + c));
            Add(margins, ref output, outputs, Unsafe.Add(ref l0, (3 << d) + e));
        }

        for (; t < _trees; t++)
        {
            ref LightGbmHeapNode n = ref Unsafe.Add(ref nodes, t * splits);
            int a = 0;
            for (int k = 0; k < d; k++)
            {
                a = (2 * a) + 1 + Right<TMissing>(ref n, a, ref row);
            }

            Add(margins, ref output, outputs, Unsafe.Add(ref leaves, (t << d) + a - splits));
        }
    }

    // LightGBM's numerical decision on the plain path: NaN compares as the node's stand-in, then x ≤ threshold goes left.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Right<TMissing>(ref LightGbmHeapNode tree, int position, ref double row)
        where TMissing : struct
    {
        ref LightGbmHeapNode node = ref Unsafe.Add(ref tree, position);
        double x = Unsafe.Add(ref row, node.Feature);
        if (typeof(TMissing) == typeof(MayMiss))
        {
            x = double.IsNaN(x) ? node.Missing : x;
        }

        return x <= node.Threshold ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> margins, ref int output, int outputs, double leaf)
    {
        margins[output] += leaf;
        if (++output == outputs)
        {
            output = 0;
        }
    }

    // The two walks, specialised by the JIT: rows without a missing value, and rows that may have one.
    private readonly struct NoMissing;

    private readonly struct MayMiss;
}
