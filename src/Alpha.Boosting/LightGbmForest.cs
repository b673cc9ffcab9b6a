using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alpha.Boosting;

/// <summary>
/// A LightGBM model in flat arrays, evaluated with LightGBM's own rules (include/LightGBM/tree.h):
/// <list type="bullet">
/// <item>numerical split: NaN becomes 0 unless the missing type is NaN; a missing value (Zero type: |x| ≤ 1e-35,
/// NaN type: NaN) goes to the default side; otherwise left when x ≤ threshold (doubles);</item>
/// <item>categorical split: NaN or a negative category goes right; left when the category's bit is set in the
/// node's bitset (cat_threshold words from cat_boundaries);</item>
/// <item>linear leaf: leaf_const + Σ coeff·x, or the plain leaf value when one of its features is NaN;</item>
/// <item>trees of iteration k add to class k mod num_tree_per_iteration, in double, in tree order; average_output
/// divides the sum by the number of iterations before the transform (the raw score stays the sum).</item>
/// </list>
/// </summary>
internal sealed class LightGbmForest : BoostedTreeModel
{
    private const double ZeroThreshold = 1e-35;
    private const int Lanes = 4;

    // LightGbmNode.Flags of a split that is not plain numerical (0).
    private const int DefaultLeft = 1;
    private const int ZeroMissing = 2;
    private const int NaNMissing = 4;
    private const int Categorical = 8;

    // Nodes of every tree, renumbered breadth-first per tree; per node, its global leaf index (leaves only).
    private readonly LightGbmNode[] _nodes;
    private readonly int[] _leafOfNode;

    // Whether every node takes the plain path (no categorical split, no Zero missing type): then the walk needs no call.
    private readonly bool _allPlain;

    // The same trees as complete binary trees, when they are shallow and plain (the retrain policy's shape): the
    // single-row walk then reads no child indices.
    private readonly LightGbmCompleteTrees? _complete;

    // Per tree.
    private readonly int[] _root;
    private readonly int[] _depth;

    // Per leaf (all trees).
    private readonly double[] _leafValue;
    private readonly int[] _linearStart;
    private readonly int[] _linearCount;
    private readonly double[] _leafConst;
    private readonly int[] _linearFeature;
    private readonly double[] _linearCoefficient;
    private readonly bool _linear;

    // Categorical bitsets: per categorical split (global index), the word range in _catWords.
    private readonly int[] _catBoundaries;
    private readonly uint[] _catWords;

    private readonly int _treesPerIteration;
    private readonly bool _averageOutput;
    private readonly double _sigmoid;

    /// <param name="parts">The parsed model.</param>
    /// <param name="completeTrees">Whether shallow plain trees use the complete-tree form (tests compare both walks).</param>
    internal LightGbmForest(LightGbmModelParts parts, bool completeTrees = true)
        : base(parts.FeatureCount, parts.TreesPerIteration, parts.Trees.Count, parts.Objective, parts.Transform)
    {
        _treesPerIteration = parts.TreesPerIteration;
        _averageOutput = parts.AverageOutput;
        _sigmoid = parts.Sigmoid;

        int leaves = parts.Trees.Sum(t => t.LeafValue.Length);
        _root = new int[parts.Trees.Count];
        _depth = new int[parts.Trees.Count];
        _leafValue = new double[leaves];
        _linearStart = new int[leaves];
        _linearCount = new int[leaves];
        _leafConst = new double[leaves];
        var nodes = new List<LightGbmNode>();
        var leafOfNode = new List<int>();
        var linearFeature = new List<int>();
        var linearCoefficient = new List<double>();
        var catBoundaries = new List<int> { 0 };
        var catWords = new List<uint>();

        int leaf = 0;
        for (int t = 0; t < parts.Trees.Count; t++)
        {
            LightGbmTree tree = parts.Trees[t];
            int catOffset = catBoundaries.Count - 1;
            _root[t] = nodes.Count;
            _depth[t] = Compile(tree, leaf, catOffset, nodes, leafOfNode);
            for (int c = 0; c + 1 < tree.CatBoundaries.Length; c++)
            {
                catBoundaries.Add(catWords.Count + tree.CatBoundaries[c + 1]);
            }

            catWords.AddRange(tree.CatThreshold);
            for (int k = 0; k < tree.LeafValue.Length; k++)
            {
                _leafValue[leaf + k] = tree.LeafValue[k];
                if (tree.IsLinear)
                {
                    _linear = true;
                    _leafConst[leaf + k] = tree.LeafConst[k];
                    _linearStart[leaf + k] = linearFeature.Count;
                    _linearCount[leaf + k] = tree.LeafFeatures[k].Length;
                    linearFeature.AddRange(tree.LeafFeatures[k]);
                    linearCoefficient.AddRange(tree.LeafCoefficients[k]);
                }
                else
                {
                    _linearCount[leaf + k] = -1;
                }
            }

            leaf += tree.LeafValue.Length;
        }

        _nodes = [.. nodes];
        _leafOfNode = [.. leafOfNode];
        _allPlain = nodes.TrueForAll(n => n.Flags == 0);
        _linearFeature = [.. linearFeature];
        _linearCoefficient = [.. linearCoefficient];
        _catBoundaries = [.. catBoundaries];
        _catWords = [.. catWords];
        _complete = _linear || !completeTrees ? null : LightGbmCompleteTrees.TryCreate(_nodes, _root, _depth, _leafOfNode, _leafValue, parts.FeatureCount);
    }

    /// <summary>Whether the single-row walk uses the complete-tree form (for tests).</summary>
    internal bool UsesCompleteTrees => _complete is not null;

    /// <summary>
    /// One row: four trees walked side by side (independent chains overlap in the CPU) until all four reach their
    /// leaves (a leaf maps to itself); sums in tree order, in double.
    /// </summary>
    private protected override void Margins(ReadOnlySpan<double> features, Span<double> margins)
    {
        margins[..OutputCount].Clear();
        if (_complete is not null)
        {
            _complete.AddLeaves(features, margins, _treesPerIteration);
            return;
        }

        ref double row = ref MemoryMarshal.GetReference(features);
        ref LightGbmNode nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        int t = 0, output = 0;
        for (; t + Lanes <= _root.Length; t += Lanes)
        {
            int a = _root[t], b = _root[t + 1], c = _root[t + 2], d = _root[t + 3];
            int depth = Math.Max(Math.Max(_depth[t], _depth[t + 1]), Math.Max(_depth[t + 2], _depth[t + 3]));
            if (_allPlain)
            {
                for (int k = 0; k < depth; k++)
                {
                    int a2 = PlainStep(ref nodes, a, ref row), b2 = PlainStep(ref nodes, b, ref row), c2 = PlainStep(ref nodes, c, ref row), d2 = PlainStep(ref nodes, d, ref row);
                    if (((a2 ^ a) | (b2 ^ b) | (c2 ^ c) | (d2 ^ d)) == 0)
                    {
                        break;
                    }

                    (a, b, c, d) = (a2, b2, c2, d2);
                }
            }
            else
            {
                for (int k = 0; k < depth; k++)
                {
                    (a, b, c, d) = (Step(a, ref row), Step(b, ref row), Step(c, ref row), Step(d, ref row));
                }
            }

            Add(margins, ref output, a, features);
            Add(margins, ref output, b, features);
            Add(margins, ref output, c, features);
            Add(margins, ref output, d, features);
        }

        for (; t < _root.Length; t++)
        {
            int node = _root[t];
            for (int k = 0; k < _depth[t]; k++)
            {
                node = Step(node, ref row);
            }

            Add(margins, ref output, node, features);
        }
    }

    // As LightGBM's GBDT::Predict: a random forest's (average_output) trees are averaged before the transform, while
    // its raw score (GBDT::PredictRaw) stays their sum — native LightGBM 4.7 gives exactly that.
    private protected override void ApplyTransform(Span<double> margins)
    {
        if (_averageOutput)
        {
            int iterations = _root.Length / _treesPerIteration;
            for (int c = 0; c < OutputCount; c++)
            {
                margins[c] /= iterations;
            }
        }

        Transforms.Apply(Transform, margins, _sigmoid);
    }

    // Breadth-first renumbering of one tree so that every split's two children are adjacent (left, then right);
    // leaves loop to themselves. Returns the tree's depth (the steps from the root to its deepest leaf).
    private static int Compile(LightGbmTree tree, int firstLeaf, int catOffset, List<LightGbmNode> nodes, List<int> leafOfNode)
    {
        int root = nodes.Count, depth = 0;
        nodes.Add(default);
        leafOfNode.Add(-1);
        // Source: an internal node k ≥ 0, or a leaf ~k < 0 (a one-leaf tree is its leaf 0).
        var queue = new Queue<(int Source, int Target, int Depth)>();
        queue.Enqueue((tree.SplitFeature.Length == 0 ? ~0 : 0, root, 0));
        while (queue.Count > 0)
        {
            (int source, int target, int level) = queue.Dequeue();
            depth = Math.Max(depth, level);
            if (source < 0)
            {
                nodes[target] = new LightGbmNode { Left = target - 1, Threshold = double.NaN };
                leafOfNode[target] = firstLeaf + ~source;
                continue;
            }

            int left = nodes.Count;
            nodes.Add(default);
            nodes.Add(default);
            leafOfNode.Add(-1);
            leafOfNode.Add(-1);
            byte decision = tree.DecisionType[source];
            bool categorical = (decision & 1) != 0, defaultLeft = (decision & 2) != 0;
            int missingType = (decision >> 2) & 3;
            double threshold = tree.Threshold[source];
            // Missing type NaN on the plain path: NaN compares as -∞ (≤ any threshold: left) or +∞ (right), except
            // for a +∞ threshold, which +∞ would not pass to the right.
            bool plainNaN = !categorical && missingType == 2 && (defaultLeft || threshold != double.PositiveInfinity);
            int flags = categorical ? Categorical : missingType == 1 ? ZeroMissing : missingType == 2 && !plainNaN ? NaNMissing : 0;
            if (flags != 0 && defaultLeft)
            {
                flags |= DefaultLeft;
            }

            nodes[target] = new LightGbmNode
            {
                Left = left,
                Feature = tree.SplitFeature[source],
                Threshold = categorical ? catOffset + (int)threshold : threshold,
                Missing = plainNaN ? (defaultLeft ? double.NegativeInfinity : double.PositiveInfinity) : 0,
                Flags = flags,
            };
            queue.Enqueue((tree.LeftChild[source], left, level + 1));
            queue.Enqueue((tree.RightChild[source], left + 1, level + 1));
        }

        return depth;
    }

    // Adds a tree's leaf to its output (trees cycle through the outputs: class k of each iteration) and moves on.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(Span<double> margins, ref int output, int node, ReadOnlySpan<double> features)
    {
        int leaf = _leafOfNode[node];
        margins[output] += _linear ? LeafOutput(leaf, features) : _leafValue[leaf];
        if (++output == _treesPerIteration)
        {
            output = 0;
        }
    }

    // One step down a tree. Node indices and split features were validated when the model was loaded and the row
    // length when the call came in, so the reads need no bounds checks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int index, ref double row)
    {
        ref LightGbmNode nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref LightGbmNode node = ref Unsafe.Add(ref nodes, index);
        return node.Flags == 0 ? PlainStep(ref nodes, index, ref row) : SpecialStep(ref node, Unsafe.Add(ref row, node.Feature));
    }

    // A numerical split whose missing values compare as the node's stand-in; a leaf's NaN threshold sends every value
    // right, to itself. Branch-free but for the (rare) missing value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PlainStep(ref LightGbmNode nodes, int index, ref double row)
    {
        ref LightGbmNode node = ref Unsafe.Add(ref nodes, index);
        double x = Unsafe.Add(ref row, node.Feature);
        x = double.IsNaN(x) ? node.Missing : x;
        return node.Left + (x <= node.Threshold ? 0 : 1);
    }

    // LightGBM's NumericalDecision for the Zero and NaN missing types, and its CategoricalDecision.
    private int SpecialStep(ref LightGbmNode node, double x)
    {
        int flags = node.Flags;
        int defaultSide = (flags & DefaultLeft) != 0 ? 0 : 1;
        if ((flags & Categorical) != 0)
        {
            return node.Left + (InCategorySet((int)node.Threshold, x) ? 0 : 1);
        }

        if ((flags & NaNMissing) != 0)
        {
            if (double.IsNaN(x))
            {
                return node.Left + defaultSide;
            }
        }
        else
        {
            x = double.IsNaN(x) ? 0 : x;
            if (Math.Abs(x) <= ZeroThreshold)
            {
                return node.Left + defaultSide;
            }
        }

        return node.Left + (x <= node.Threshold ? 0 : 1);
    }

    // NaN goes right; otherwise static_cast<int> truncates toward zero (-0.5 is category 0) and a negative category
    // goes right. Out of int range, C++ gives INT_MIN (right) and .NET saturates (int.MaxValue, in no set: right;
    // int.MinValue: right).
    private bool InCategorySet(int split, double x)
    {
        if (double.IsNaN(x))
        {
            return false;
        }

        int category = (int)x;
        if (category < 0)
        {
            return false;
        }

        int first = _catBoundaries[split], words = _catBoundaries[split + 1] - first;
        int word = category / 32;
        return word < words && ((_catWords[first + word] >> (category % 32)) & 1) != 0;
    }

    private double LeafOutput(int leaf, ReadOnlySpan<double> features)
    {
        int count = _linearCount[leaf];
        if (count < 0)
        {
            return _leafValue[leaf];
        }

        double output = _leafConst[leaf];
        int start = _linearStart[leaf];
        for (int k = 0; k < count; k++)
        {
            double x = features[_linearFeature[start + k]];
            if (double.IsNaN(x))
            {
                return _leafValue[leaf];
            }

            output += _linearCoefficient[start + k] * x;
        }

        return output;
    }
}
