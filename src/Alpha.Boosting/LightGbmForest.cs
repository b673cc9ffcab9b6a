namespace Alpha.Boosting;

/// <summary>
/// A LightGBM model in flat arrays, evaluated with LightGBM's own rules (include/LightGBM/tree.h):
/// <list type="bullet">
/// <item>numerical split: NaN becomes 0 unless the missing type is NaN; a missing value (Zero type: |x| ≤ 1e-35,
/// NaN type: NaN) goes to the default side; otherwise left when x ≤ threshold (doubles);</item>
/// <item>categorical split: NaN or a negative category goes right; left when the category's bit is set in the
/// node's bitset (cat_threshold words from cat_boundaries);</item>
/// <item>linear leaf: leaf_const + Σ coeff·x, or the plain leaf value when one of its features is NaN;</item>
/// <item>trees of iteration k add to class k mod num_tree_per_iteration, in double; average_output divides by the
/// number of iterations.</item>
/// </list>
/// </summary>
internal sealed class LightGbmForest : BoostedTreeModel
{
    private const double ZeroThreshold = 1e-35;

    // Per node (all trees, concatenated).
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly byte[] _decision;

    // Per tree.
    private readonly int[] _root;
    private readonly int[] _leafOffset;
    private readonly int[] _catOffset;

    // Per leaf (all trees).
    private readonly double[] _leafValue;
    private readonly int[] _linearStart;
    private readonly int[] _linearCount;
    private readonly double[] _leafConst;
    private readonly int[] _linearFeature;
    private readonly double[] _linearCoefficient;

    // Categorical bitsets: per categorical split index (global), the word range in _catWords.
    private readonly int[] _catBoundaries;
    private readonly uint[] _catWords;

    private readonly int _treesPerIteration;
    private readonly bool _averageOutput;
    private readonly double _sigmoid;

    internal LightGbmForest(LightGbmModelParts parts)
        : base(parts.FeatureCount, parts.TreesPerIteration, parts.Trees.Count, parts.Objective, parts.Transform)
    {
        _treesPerIteration = parts.TreesPerIteration;
        _averageOutput = parts.AverageOutput;
        _sigmoid = parts.Sigmoid;

        int nodes = parts.Trees.Sum(t => t.SplitFeature.Length);
        int leaves = parts.Trees.Sum(t => t.LeafValue.Length);
        _feature = new int[nodes];
        _threshold = new double[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _decision = new byte[nodes];
        _root = new int[parts.Trees.Count];
        _leafOffset = new int[parts.Trees.Count];
        _catOffset = new int[parts.Trees.Count];
        _leafValue = new double[leaves];
        _linearStart = new int[leaves];
        _linearCount = new int[leaves];
        _leafConst = new double[leaves];
        var linearFeature = new List<int>();
        var linearCoefficient = new List<double>();
        var catBoundaries = new List<int> { 0 };
        var catWords = new List<uint>();

        int node = 0, leaf = 0;
        for (int t = 0; t < parts.Trees.Count; t++)
        {
            LightGbmTree tree = parts.Trees[t];
            _root[t] = tree.SplitFeature.Length == 0 ? -1 : node;
            _leafOffset[t] = leaf;
            _catOffset[t] = catBoundaries.Count - 1;
            for (int k = 0; k < tree.SplitFeature.Length; k++)
            {
                _feature[node + k] = tree.SplitFeature[k];
                _threshold[node + k] = tree.Threshold[k];
                _decision[node + k] = tree.DecisionType[k];
                // Internal children are shifted to global node indices; leaves (negative, ~leaf) stay tree-local.
                _left[node + k] = tree.LeftChild[k] >= 0 ? tree.LeftChild[k] + node : tree.LeftChild[k];
                _right[node + k] = tree.RightChild[k] >= 0 ? tree.RightChild[k] + node : tree.RightChild[k];
            }

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

            node += tree.SplitFeature.Length;
            leaf += tree.LeafValue.Length;
        }

        _linearFeature = [.. linearFeature];
        _linearCoefficient = [.. linearCoefficient];
        _catBoundaries = [.. catBoundaries];
        _catWords = [.. catWords];
    }

    private protected override void Margins(ReadOnlySpan<double> features, Span<double> margins)
    {
        margins[..OutputCount].Clear();
        for (int t = 0; t < _root.Length; t++)
        {
            int leaf = _leafOffset[t] + LeafOf(t, features);
            margins[t % _treesPerIteration] += LeafOutput(leaf, features);
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

    private int LeafOf(int tree, ReadOnlySpan<double> features)
    {
        int node = _root[tree];
        if (node < 0)
        {
            return 0;
        }

        while (node >= 0)
        {
            double x = features[_feature[node]];
            byte decision = _decision[node];
            node = (decision & 1) != 0 ? Categorical(tree, node, x) : Numerical(node, x, decision);
        }

        return ~node;
    }

    private int Numerical(int node, double x, byte decision)
    {
        int missingType = (decision >> 2) & 3;
        if (double.IsNaN(x) && missingType != 2)
        {
            x = 0;
        }

        if ((missingType == 1 && Math.Abs(x) <= ZeroThreshold) || (missingType == 2 && double.IsNaN(x)))
        {
            return (decision & 2) != 0 ? _left[node] : _right[node];
        }

        return x <= _threshold[node] ? _left[node] : _right[node];
    }

    private int Categorical(int tree, int node, double x)
    {
        // LightGBM's CategoricalDecision: NaN goes right; otherwise static_cast<int> truncates toward zero (-0.5 is
        // category 0) and a negative category goes right. Out of int range, C++ gives INT_MIN (right) and .NET
        // saturates (int.MaxValue, in no set: right; int.MinValue: right).
        if (double.IsNaN(x))
        {
            return _right[node];
        }

        int category = (int)x;
        if (category < 0)
        {
            return _right[node];
        }

        int split = _catOffset[tree] + (int)_threshold[node];
        int first = _catBoundaries[split], words = _catBoundaries[split + 1] - first;
        int word = category / 32;
        bool inSet = word < words && ((_catWords[first + word] >> (category % 32)) & 1) != 0;
        return inSet ? _left[node] : _right[node];
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
