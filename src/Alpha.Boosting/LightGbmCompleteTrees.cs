using System.Buffers;
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

    private const int Lanes = 8;

    // Expanded rows up to this many values live on the stack; longer ones are rented.
    private const int StackRow = 384;

    private readonly LightGbmHeapNode[] _nodes;
    private readonly double[] _leaves;
    private readonly int _depth;
    private readonly int _splits;
    private readonly int _trees;
    private readonly int _featureCount;

    private LightGbmCompleteTrees(LightGbmHeapNode[] nodes, double[] leaves, int depth, int trees, int featureCount)
    {
        _featureCount = featureCount;
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
    /// <param name="featureCount">Features per row.</param>
    public static LightGbmCompleteTrees? TryCreate(LightGbmNode[] nodes, int[] root, int[] depth, int[] leafOfNode, double[] leafValue, int featureCount)
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

        return new LightGbmCompleteTrees(heap, leaves, d, root.Length, featureCount);

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
                node = new LightGbmHeapNode { Threshold = double.PositiveInfinity, Slot = 0 };
                Fill(tree, (2 * position) + 1, level + 1, source);
                Fill(tree, (2 * position) + 2, level + 1, source);
                return;
            }

            LightGbmNode split = nodes[source];
            // The slot of the feature in the expanded row whose missing values read as this split's stand-in.
            int copy = split.Missing == 0 ? 0 : double.IsNegativeInfinity(split.Missing) ? 1 : 2;
            node = new LightGbmHeapNode { Threshold = split.Threshold, Slot = (copy * featureCount) + split.Feature };
            Fill(tree, (2 * position) + 1, level + 1, split.Left);
            Fill(tree, (2 * position) + 2, level + 1, split.Left + 1);
        }
    }

    /// <summary>Adds every tree's leaf for one row to its output (tree t to output t mod <paramref name="outputs"/>), in tree order, onto cleared <paramref name="margins"/>.</summary>
    public void AddLeaves(ReadOnlySpan<double> features, Span<double> margins, int outputs)
    {
        // The row three times: missing values read as 0 (missing type None), −∞ (NaN, default left) and +∞ (NaN,
        // default right). Each split reads its copy, so a step needs no test for a missing value.
        int width = 3 * _featureCount;
        double[]? rented = width > StackRow ? ArrayPool<double>.Shared.Rent(width) : null;
        Span<double> expanded = rented is null ? stackalloc double[StackRow] : rented;
        for (int f = 0; f < features.Length; f++)
        {
            double x = features[f];
            bool missing = double.IsNaN(x);
            expanded[f] = missing ? 0 : x;
            expanded[_featureCount + f] = missing ? double.NegativeInfinity : x;
            expanded[(2 * _featureCount) + f] = missing ? double.PositiveInfinity : x;
        }

        Walk(expanded, margins, outputs);
        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    // Walks every tree over the expanded row (three copies of the features, see AddLeaves).
    private void Walk(ReadOnlySpan<double> expanded, Span<double> margins, int outputs)
    {
        ref double row = ref MemoryMarshal.GetReference(expanded);
        ref LightGbmHeapNode nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref double leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        int t = 0, output = 0, d = _depth;
        nint splits = _splits;
        double sum = 0;
        for (; t + Lanes <= _trees; t += Lanes)
        {
            // Eight trees side by side: eight independent chains of loads hide each other's latency.
            ref LightGbmHeapNode n0 = ref Unsafe.Add(ref nodes, t * splits);
            nint a = 0, b = 0, c = 0, e = 0, f = 0, g = 0, h = 0, i = 0;
            for (int k = 0; k < d; k++)
            {
                a = (2 * a) + 1 + Right(ref n0, a, ref row);
                b = (2 * b) + 1 + Right(ref n0, splits + b, ref row);
                c = (2 * c) + 1 + Right(ref n0, (2 * splits) + c, ref row);
                e = (2 * e) + 1 + Right(ref n0, (3 * splits) + e, ref row);
                f = (2 * f) + 1 + Right(ref n0, (4 * splits) + f, ref row);
                g = (2 * g) + 1 + Right(ref n0, (5 * splits) + g, ref row);
                h = (2 * h) + 1 + Right(ref n0, (6 * splits) + h, ref row);
                i = (2 * i) + 1 + Right(ref n0, (7 * splits) + i, ref row);
            }

            ref double l0 = ref Unsafe.Add(ref leaves, (t << d) - splits);
            nint width = (nint)1 << d;
            double v0 = Unsafe.Add(ref l0, a), v1 = Unsafe.Add(ref l0, width + b), v2 = Unsafe.Add(ref l0, (2 * width) + c), v3 = Unsafe.Add(ref l0, (3 * width) + e);
            double v4 = Unsafe.Add(ref l0, (4 * width) + f), v5 = Unsafe.Add(ref l0, (5 * width) + g), v6 = Unsafe.Add(ref l0, (6 * width) + h), v7 = Unsafe.Add(ref l0, (7 * width) + i);
            if (outputs == 1)
            {
                // One output: the running sum stays in a register, added in tree order as below.
                sum = sum + v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7;
            }
            else
            {
                Add(margins, ref output, outputs, v0);
                Add(margins, ref output, outputs, v1);
                Add(margins, ref output, outputs, v2);
                Add(margins, ref output, outputs, v3);
                Add(margins, ref output, outputs, v4);
                Add(margins, ref output, outputs, v5);
                Add(margins, ref output, outputs, v6);
                Add(margins, ref output, outputs, v7);
            }
        }

        for (; t < _trees; t++)
        {
            ref LightGbmHeapNode n = ref Unsafe.Add(ref nodes, t * splits);
            nint a = 0;
            for (int k = 0; k < d; k++)
            {
                a = (2 * a) + 1 + Right(ref n, a, ref row);
            }

            double v = Unsafe.Add(ref leaves, (t << d) + a - splits);
            if (outputs == 1)
            {
                sum += v;
            }
            else
            {
                Add(margins, ref output, outputs, v);
            }
        }

        if (outputs == 1)
        {
            margins[0] += sum;
        }
    }

    // LightGBM's numerical decision on the plain path, on the expanded row (a missing value already reads as the
    // split's stand-in): x ≤ threshold goes left.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Right(ref LightGbmHeapNode tree, nint position, ref double row)
    {
        ref LightGbmHeapNode node = ref Unsafe.Add(ref tree, position);
        return Unsafe.Add(ref row, node.Slot) <= node.Threshold ? 0 : 1;
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
}
