using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>
/// An XGBoost model in flat arrays, evaluated as XGBoost 1.x's CPU predictor does (src/predictor/predict_fn.h,
/// src/common/categorical.h): features are read as float32; a missing (NaN) feature takes the node's default
/// child; a numerical split goes left when x &lt; threshold (float32 compare); a categorical split goes right when
/// the category is in the node's set and left otherwise (negative or out-of-range categories go left); leaf values
/// are summed in float32 onto the base margin, per output group (tree_info), each scaled by its DART weight.
/// </summary>
internal sealed class XGBoostForest : BoostedTreeModel
{
    private const int DefaultLeft = 1;
    private const int Categorical = 2;
    private const int BatchBlock = 64;
    private const int Lanes = 4;

    // Outputs whose sums live on the stack; a model with more (a file may declare up to ModelLimits.MaxOutputs) sums
    // into a pooled array, so nothing a file declares sizes a stack allocation.
    private const int StackOutputs = 16;

    private readonly XGBoostNode[] _nodes;
    private readonly float[] _leafValue;
    private readonly int[] _root;
    private readonly int[] _depth;
    private readonly int[] _group;
    private readonly float[] _weight;
    private readonly bool _weighted;
    private readonly int[] _catStart;
    private readonly int[] _catWords;
    private readonly uint[] _catBits;
    private readonly float _baseMargin;

    internal XGBoostForest(XGBoostModelParts parts)
        : base(parts.FeatureCount, parts.OutputCount, parts.Trees.Count, parts.Objective, parts.Transform)
    {
        _baseMargin = parts.BaseMargin;
        _group = [.. parts.TreeGroups];
        _weight = [.. parts.TreeWeights];
        _weighted = _weight.Any(w => w != 1f);
        var nodes = new List<XGBoostNode>();
        var leaves = new List<float>();
        var catStart = new List<int>();
        var catWords = new List<int>();
        var bits = new List<uint>();
        _root = new int[parts.Trees.Count];
        _depth = new int[parts.Trees.Count];
        for (int t = 0; t < parts.Trees.Count; t++)
        {
            _root[t] = nodes.Count;
            _depth[t] = Compile(parts.Trees[t], nodes, leaves, catStart, catWords, bits);
        }

        _nodes = [.. nodes];
        _leafValue = [.. leaves];
        _catStart = [.. catStart];
        _catWords = [.. catWords];
        _catBits = [.. bits];
    }

    /// <summary>One row: four trees walked side by side (independent chains overlap in the CPU); sums in tree order, float32.</summary>
    private protected override void Margins(ReadOnlySpan<double> features, Span<double> margins)
    {
        float[]? rented = null;
        Span<float> sums = OutputCount <= StackOutputs
            ? stackalloc float[StackOutputs]
            : (rented = ArrayPool<float>.Shared.Rent(OutputCount));
        try
        {
            SumRow(features, sums[..OutputCount]);
            for (int o = 0; o < OutputCount; o++)
            {
                margins[o] = sums[o];
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    private void SumRow(ReadOnlySpan<double> features, Span<float> sums)
    {
        sums.Fill(_baseMargin);
        ref double row = ref MemoryMarshal.GetReference(features);
        int t = 0;
        for (; t + Lanes <= _root.Length; t += Lanes)
        {
            int a = _root[t], b = _root[t + 1], c = _root[t + 2], d = _root[t + 3];
            int depth = Math.Max(Math.Max(_depth[t], _depth[t + 1]), Math.Max(_depth[t + 2], _depth[t + 3]));
            for (int k = 0; k < depth; k++)
            {
                a = Step(a, ref row);
                b = Step(b, ref row);
                c = Step(c, ref row);
                d = Step(d, ref row);
            }

            Add(sums, t, a);
            Add(sums, t + 1, b);
            Add(sums, t + 2, c);
            Add(sums, t + 3, d);
        }

        for (; t < _root.Length; t++)
        {
            int node = _root[t];
            for (int k = 0; k < _depth[t]; k++)
            {
                node = Step(node, ref row);
            }

            Add(sums, t, node);
        }
    }

    /// <summary>Blocks of 64 rows per tree (as XGBoost's predictor does) so a tree stays in cache; eight rows walked side by side.</summary>
    private protected override void MarginsRange(ReadOnlySpan<double> rows, Span<double> output, int from, int to)
    {
        int outputs = OutputCount;
        float[]? rented = null;
        Span<float> sums = outputs <= StackOutputs
            ? stackalloc float[BatchBlock * StackOutputs]
            : (rented = ArrayPool<float>.Shared.Rent(BatchBlock * outputs));
        try
        {
            SumBlocks(rows, output, from, to, sums);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    private void SumBlocks(ReadOnlySpan<double> rows, Span<double> output, int from, int to, Span<float> sums)
    {
        int outputs = OutputCount, width = FeatureCount;
        ref double first = ref MemoryMarshal.GetReference(rows);
        for (int block = from; block < to; block += BatchBlock)
        {
            int count = Math.Min(BatchBlock, to - block);
            sums[..(count * outputs)].Fill(_baseMargin);
            for (int t = 0; t < _root.Length; t++)
            {
                int root = _root[t], depth = _depth[t], group = _group[t];
                int r = 0;
                for (; r + (2 * Lanes) <= count; r += 2 * Lanes)
                {
                    ref double row0 = ref Unsafe.Add(ref first, (block + r) * width);
                    int a = root, b = root, c = root, d = root, e = root, f = root, g = root, h = root;
                    for (int k = 0; k < depth; k++)
                    {
                        a = Step(a, ref row0);
                        b = Step(b, ref Unsafe.Add(ref row0, width));
                        c = Step(c, ref Unsafe.Add(ref row0, 2 * width));
                        d = Step(d, ref Unsafe.Add(ref row0, 3 * width));
                        e = Step(e, ref Unsafe.Add(ref row0, 4 * width));
                        f = Step(f, ref Unsafe.Add(ref row0, 5 * width));
                        g = Step(g, ref Unsafe.Add(ref row0, 6 * width));
                        h = Step(h, ref Unsafe.Add(ref row0, 7 * width));
                    }

                    int slot = (r * outputs) + group;
                    AddRow(sums, slot, t, a);
                    AddRow(sums, slot + outputs, t, b);
                    AddRow(sums, slot + (2 * outputs), t, c);
                    AddRow(sums, slot + (3 * outputs), t, d);
                    AddRow(sums, slot + (4 * outputs), t, e);
                    AddRow(sums, slot + (5 * outputs), t, f);
                    AddRow(sums, slot + (6 * outputs), t, g);
                    AddRow(sums, slot + (7 * outputs), t, h);
                }

                for (; r < count; r++)
                {
                    ref double row = ref Unsafe.Add(ref first, (block + r) * width);
                    int node = root;
                    for (int k = 0; k < depth; k++)
                    {
                        node = Step(node, ref row);
                    }

                    AddRow(sums, (r * outputs) + group, t, node);
                }
            }

            for (int k = 0; k < count * outputs; k++)
            {
                output[(block * outputs) + k] = sums[k];
            }
        }
    }

    private protected override void ApplyTransform(Span<double> margins)
    {
        switch (Transform)
        {
            case OutputTransform.Sigmoid:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = 1.0f / (1.0f + MathF.Exp(-(float)margins[c]));
                }

                break;
            case OutputTransform.Softmax:
                // common::Softmax: float exponentials, summed in double, divided by the sum cast to float.
                float max = float.NegativeInfinity;
                double sum = 0;
                foreach (double m in margins)
                {
                    max = MathF.Max(max, (float)m);
                }

                for (int c = 0; c < margins.Length; c++)
                {
                    float e = MathF.Exp((float)margins[c] - max);
                    margins[c] = e;
                    sum += e;
                }

                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = (float)margins[c] / (float)sum;
                }

                break;
            case OutputTransform.Exp:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = MathF.Exp((float)margins[c]);
                }

                break;
            default:
                Transforms.Apply(Transform, margins, 1.0);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(Span<float> sums, int tree, int leaf) =>
        sums[_group[tree]] += _weighted ? _weight[tree] * _leafValue[leaf] : _leafValue[leaf];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(Span<float> sums, int slot, int tree, int leaf) =>
        sums[slot] += _weighted ? _weight[tree] * _leafValue[leaf] : _leafValue[leaf];

    // One step down a tree. Node indices and split features were validated when the model was compiled and the
    // row length when the call came in, so the reads need no bounds checks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int index, ref double row)
    {
        ref XGBoostNode node = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_nodes), index);
        double value = Unsafe.Add(ref row, node.Feature);
        if (node.Flags > DefaultLeft)
        {
            return CategoricalStep(ref node, value);
        }

        // NaN compares false and goes right, unless the node sends missing values left.
        int right = (float)value < node.Threshold ? 0 : 1;
        int missing = double.IsNaN(value) ? 1 : 0;
        return node.Left + (right & ~(missing & node.Flags));
    }

    private int CategoricalStep(ref XGBoostNode node, double value)
    {
        if (double.IsNaN(value))
        {
            return node.Left + 1 - (node.Flags & DefaultLeft);
        }

        return node.Left + (InCategorySet(node.Flags >> 8, (float)value) ? 1 : 0);
    }

    private bool InCategorySet(int set, float category)
    {
        if (category < 0 || category >= int.MaxValue)
        {
            return false;
        }

        int c = (int)category;
        int word = c / 32;
        return word < _catWords[set] && ((_catBits[_catStart[set] + word] >> (c % 32)) & 1) != 0;
    }

    // Breadth-first renumbering so that every split's two children are adjacent (left, then right); leaves loop to
    // themselves. Returns the tree's depth (the steps from the root to its deepest leaf).
    private static int Compile(XGBoostTree tree, List<XGBoostNode> nodes, List<float> leaves, List<int> catStart, List<int> catWords, List<uint> bits)
    {
        int root = nodes.Count;
        int depth = 0;
        Grow(nodes, leaves, 1);
        var queue = new Queue<(int Source, int Target, int Depth)>();
        queue.Enqueue((0, root, 0));
        while (queue.Count > 0)
        {
            (int source, int target, int level) = queue.Dequeue();
            depth = Math.Max(depth, level);
            if (tree.Left[source] < 0)
            {
                nodes[target] = new XGBoostNode { Left = target - 1, Feature = 0, Threshold = float.NaN, Flags = 0 };
                leaves[target] = tree.SplitCondition[source];
                continue;
            }

            int left = nodes.Count;
            Grow(nodes, leaves, 2);
            int flags = tree.DefaultLeft[source] ? DefaultLeft : 0;
            if (tree.Categories.TryGetValue(source, out int[]? categories))
            {
                flags |= Categorical | (catStart.Count << 8);
                int words = categories.Length == 0 ? 0 : (categories.Max() / 32) + 1;
                catStart.Add(bits.Count);
                catWords.Add(words);
                bits.AddRange(new uint[words]);
                foreach (int c in categories)
                {
                    bits[catStart[^1] + (c / 32)] |= 1u << (c % 32);
                }
            }

            nodes[target] = new XGBoostNode { Left = left, Feature = tree.SplitIndex[source], Threshold = tree.SplitCondition[source], Flags = flags };
            queue.Enqueue((tree.Left[source], left, level + 1));
            queue.Enqueue((tree.Right[source], left + 1, level + 1));
        }

        return depth;
    }

    private static void Grow(List<XGBoostNode> nodes, List<float> leaves, int count)
    {
        for (int k = 0; k < count; k++)
        {
            nodes.Add(default);
            leaves.Add(0);
        }
    }
}
