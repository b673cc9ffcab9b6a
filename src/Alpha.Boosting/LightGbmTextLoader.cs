using System.Globalization;

namespace Alpha.Boosting;

/// <summary>
/// Parses LightGBM's text model format (v2–v4): a header of key=value lines, one block per tree (Tree=k) and
/// "end of trees". Every error names the line and the key.
/// </summary>
internal static class LightGbmTextLoader
{
    public static LightGbmForest Load(string text, bool completeTrees = true)
    {
        string[] lines = text.Split('\n');
        int i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0)
        {
            i++;
        }

        if (i >= lines.Length || lines[i].Trim() != "tree")
        {
            throw new ModelFormatException($"line {i + 1}", "a LightGBM text model starts with the line 'tree'");
        }

        var header = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        bool averageOutput = false;
        for (i++; i < lines.Length && !lines[i].StartsWith("Tree=", StringComparison.Ordinal); i++)
        {
            string line = lines[i].Trim();
            if (line == "average_output")
            {
                averageOutput = true;
            }
            else if (line.StartsWith("end of trees", StringComparison.Ordinal))
            {
                break;
            }
            else if (line.Contains('=', StringComparison.Ordinal))
            {
                int eq = line.IndexOf('=', StringComparison.Ordinal);
                header[line[..eq]] = (line[(eq + 1)..], i + 1);
            }
        }

        int numClass = Int(header, "num_class", 1);
        int perIteration = Int(header, "num_tree_per_iteration", numClass);
        int featureCount = Int(header, "max_feature_idx", -1) + 1;
        if (featureCount <= 0 || featureCount > ModelLimits.MaxFeatures)
        {
            throw new ModelFormatException(Where(header, "max_feature_idx"), $"must give between 1 and {ModelLimits.MaxFeatures} features");
        }

        if (numClass < 1 || numClass > ModelLimits.MaxOutputs)
        {
            throw new ModelFormatException(Where(header, "num_class"), $"{numClass} classes: must be between 1 and {ModelLimits.MaxOutputs}");
        }

        if (perIteration < 1 || perIteration > ModelLimits.MaxOutputs)
        {
            throw new ModelFormatException(Where(header, "num_tree_per_iteration"), $"{perIteration} trees per iteration: must be between 1 and {ModelLimits.MaxOutputs}");
        }

        if (!header.TryGetValue("objective", out var objective))
        {
            throw new ModelFormatException("header", "the key 'objective' is missing");
        }

        (OutputTransform transform, double sigmoid) = ParseObjective(objective.Value, objective.Line);
        var trees = new List<LightGbmTree>();
        bool ended = false;
        while (i < lines.Length)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("Tree=", StringComparison.Ordinal))
            {
                (LightGbmTree tree, int next) = ParseTree(lines, i, featureCount);
                trees.Add(tree);
                i = next;
            }
            else if (line.StartsWith("end of trees", StringComparison.Ordinal))
            {
                ended = true;
                break;
            }
            else
            {
                i++;
            }
        }

        if (!ended)
        {
            throw new ModelFormatException($"line {lines.Length}", "the model is truncated: 'end of trees' is missing");
        }

        if (header.TryGetValue("tree_sizes", out var sizes) && sizes.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != trees.Count)
        {
            throw new ModelFormatException($"line {sizes.Line}, key tree_sizes", $"announces {sizes.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} trees but {trees.Count} were found");
        }

        if (trees.Count == 0 || trees.Count % perIteration != 0)
        {
            throw new ModelFormatException("trees", $"{trees.Count} trees is not a positive multiple of num_tree_per_iteration = {perIteration}");
        }

        return new LightGbmForest(new LightGbmModelParts(featureCount, perIteration, objective.Value, transform, sigmoid, averageOutput, trees), completeTrees);
    }

    /// <summary>Parses the tree block starting at <paramref name="start"/> (its "Tree=k" line); returns it and the line after it.</summary>
    internal static (LightGbmTree Tree, int Next) ParseTree(string[] lines, int start, int featureCount)
    {
        var keys = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        int i = start + 1;
        for (; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("Tree=", StringComparison.Ordinal) || line.StartsWith("end of trees", StringComparison.Ordinal))
            {
                break;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                keys[line[..eq]] = (line[(eq + 1)..], i + 1);
            }
        }

        string where = $"tree at line {start + 1}";
        int leaves = Int(keys, "num_leaves", -1, where);
        if (leaves < 1)
        {
            throw new ModelFormatException($"{where}, key num_leaves", "is missing or not positive");
        }

        int splits = leaves - 1;
        double[] leafValue = Doubles(keys, "leaf_value", leaves, where);
        int[] splitFeature = Ints(keys, "split_feature", splits, where);
        int[] left = Ints(keys, "left_child", splits, where);
        int[] right = Ints(keys, "right_child", splits, where);
        double[] threshold = Thresholds(keys, "threshold", splits, where);
        int[] decisionType = Ints(keys, "decision_type", splits, where);
        int numCat = Int(keys, "num_cat", 0, where);
        if (numCat < 0 || numCat > splits)
        {
            throw new ModelFormatException(Where(keys, "num_cat", where), $"{numCat} categorical splits in a tree of {splits} splits");
        }

        for (int k = 0; k < splits; k++)
        {
            if ((uint)splitFeature[k] >= (uint)featureCount)
            {
                throw new ModelFormatException($"{Where(keys, "split_feature", where)}, node {k}", $"feature {splitFeature[k]} is outside the model's {featureCount} features");
            }

            // Bit 0: categorical; bit 1: missing goes left; bits 2-3: missing type none (0), zero (1) or NaN (2).
            if ((uint)decisionType[k] > 0b1011)
            {
                throw new ModelFormatException($"{Where(keys, "decision_type", where)}, node {k}", $"{decisionType[k]} is not a decision type");
            }

            bool categorical = (decisionType[k] & 1) != 0;
            if (categorical && !(threshold[k] >= 0 && threshold[k] < numCat && threshold[k] == Math.Floor(threshold[k])))
            {
                throw new ModelFormatException($"{Where(keys, "threshold", where)}, node {k}", $"{threshold[k]} is not one of the tree's {numCat} categorical splits");
            }
        }

        CheckTopology(left, right, leaves, keys, where);
        int[] catBoundaries = numCat > 0 ? Ints(keys, "cat_boundaries", numCat + 1, where) : [];
        for (int c = 0; c < catBoundaries.Length; c++)
        {
            if (c == 0 ? catBoundaries[0] != 0 : catBoundaries[c] < catBoundaries[c - 1] || catBoundaries[c] - catBoundaries[c - 1] > ModelLimits.MaxCategoryWords)
            {
                throw new ModelFormatException($"{Where(keys, "cat_boundaries", where)}, value {c}", "the boundaries must start at 0 and rise by at most " + ModelLimits.MaxCategoryWords + " words");
            }
        }

        uint[] catThreshold = numCat > 0 ? UInts(keys, "cat_threshold", catBoundaries[^1], where) : [];
        bool linear = Int(keys, "is_linear", 0, where) == 1;
        var tree = new LightGbmTree
        {
            SplitFeature = splitFeature,
            Threshold = threshold,
            DecisionType = [.. decisionType.Select(d => (byte)d)],
            LeftChild = left,
            RightChild = right,
            LeafValue = leafValue,
            CatBoundaries = catBoundaries,
            CatThreshold = catThreshold,
            IsLinear = linear,
        };
        return (linear ? WithLinearLeaves(tree, keys, leaves, featureCount, where) : tree, i);
    }

    private static LightGbmTree WithLinearLeaves(LightGbmTree tree, Dictionary<string, (string Value, int Line)> keys, int leaves, int featureCount, string where)
    {
        double[] constant = Doubles(keys, "leaf_const", leaves, where);
        int[] counts = Ints(keys, "num_features", leaves, where);
        if (counts.Any(c => c < 0 || c > featureCount))
        {
            throw new ModelFormatException(Where(keys, "num_features", where), $"a leaf's feature count is negative or above the model's {featureCount} features");
        }

        int total = (int)Math.Min(counts.Sum(c => (long)c), int.MaxValue);
        int[] features = Ints(keys, "leaf_features", total, where);
        double[] coefficients = Doubles(keys, "leaf_coeff", total, where);
        if (features.Any(f => (uint)f >= (uint)featureCount))
        {
            throw new ModelFormatException($"line {keys["leaf_features"].Line}, key leaf_features", $"a feature is outside the model's {featureCount} features");
        }

        var perLeafFeatures = new int[leaves][];
        var perLeafCoefficients = new double[leaves][];
        for (int leaf = 0, offset = 0; leaf < leaves; offset += counts[leaf], leaf++)
        {
            perLeafFeatures[leaf] = features[offset..(offset + counts[leaf])];
            perLeafCoefficients[leaf] = coefficients[offset..(offset + counts[leaf])];
        }

        return new LightGbmTree
        {
            SplitFeature = tree.SplitFeature, Threshold = tree.Threshold, DecisionType = tree.DecisionType,
            LeftChild = tree.LeftChild, RightChild = tree.RightChild, LeafValue = tree.LeafValue,
            CatBoundaries = tree.CatBoundaries, CatThreshold = tree.CatThreshold, IsLinear = true,
            LeafConst = constant, LeafFeatures = perLeafFeatures, LeafCoefficients = perLeafCoefficients,
        };
    }

    // "binary sigmoid:1", "multiclass num_class:5", "regression sqrt", … (LightGBM's ObjectiveFunction::ToString).
    private static (OutputTransform Transform, double Sigmoid) ParseObjective(string objective, int line)
    {
        string[] tokens = objective.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string name = tokens.Length > 0 ? tokens[0] : "";
        double sigmoid = 1.0;
        bool sqrt = false;
        foreach (string token in tokens.Skip(1))
        {
            if (token.StartsWith("sigmoid:", StringComparison.Ordinal)
                && !(double.TryParse(token[8..], NumberStyles.Float, CultureInfo.InvariantCulture, out sigmoid) && double.IsFinite(sigmoid) && sigmoid > 0))
            {
                throw new ModelFormatException($"line {line}, key objective", $"'{ModelFormatException.Quote(token)}' is not a positive, finite sigmoid parameter");
            }

            sqrt |= token == "sqrt";
        }

        OutputTransform transform = name switch
        {
            "binary" or "multiclassova" or "multiclass_ova" or "ova" or "ovr" => OutputTransform.Sigmoid,
            "multiclass" or "softmax" => OutputTransform.Softmax,
            "cross_entropy" or "xentropy" => OutputTransform.Sigmoid,
            "cross_entropy_lambda" or "xentlambda" => OutputTransform.Softplus,
            "poisson" or "gamma" or "tweedie" => OutputTransform.Exp,
            "regression" or "regression_l2" or "l2" or "mean_squared_error" or "mse" or "l2_root" or "root_mean_squared_error" or "rmse"
                or "regression_l1" or "l1" or "mean_absolute_error" or "mae" or "huber" or "fair" or "quantile" or "mape"
                => sqrt ? OutputTransform.SignedSquare : OutputTransform.Identity,
            "lambdarank" or "rank_xendcg" or "xendcg" or "custom" or "none" => OutputTransform.Identity,
            _ => throw new ModelFormatException($"line {line}, key objective", $"objective '{ModelFormatException.Quote(name)}' is not supported"),
        };
        if (name is "cross_entropy" or "xentropy")
        {
            sigmoid = 1.0;
        }

        return (transform, sigmoid);
    }

    private static int Int(Dictionary<string, (string Value, int Line)> keys, string key, int fallback, string where = "header")
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            return fallback;
        }

        return int.TryParse(entry.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ModelFormatException($"line {entry.Line}, key {key}", $"'{ModelFormatException.Quote(entry.Value)}' is not an integer");
    }

    private static int[] Ints(Dictionary<string, (string Value, int Line)> keys, string key, int count, string where) =>
        Values(keys, key, count, where, "an integer", static (string item, out int value) => int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value));

    private static uint[] UInts(Dictionary<string, (string Value, int Line)> keys, string key, int count, string where) =>
        Values(keys, key, count, where, "a 32-bit unsigned integer", static (string item, out uint value) => uint.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out value));

    // Every number of a model is finite: LightGBM writes none that is not, and NaN or ±∞ would only reach the output.
    private static double[] Doubles(Dictionary<string, (string Value, int Line)> keys, string key, int count, string where) =>
        Values(keys, key, count, where, "a finite number", static (string item, out double value) =>
            double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    // Thresholds may be infinite: LightGBM writes "inf" for a split that sends every number left and only missing
    // values right. NaN is never one.
    private static double[] Thresholds(Dictionary<string, (string Value, int Line)> keys, string key, int count, string where) =>
        Values(keys, key, count, where, "a number or ±inf", static (string item, out double value) =>
        {
            value = item switch { "inf" or "+inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.NaN };
            return !double.IsNaN(value) || (double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value));
        });

    private static T[] Values<T>(Dictionary<string, (string Value, int Line)> keys, string key, int count, string where, string what, ItemParser<T> parse)
    {
        if (count == 0)
        {
            return [];
        }

        if (!keys.TryGetValue(key, out var entry))
        {
            throw new ModelFormatException($"{where}, key {key}", "is missing");
        }

        string[] items = entry.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (items.Length != count)
        {
            throw new ModelFormatException($"line {entry.Line}, key {key}", $"has {items.Length} values; {count} were expected");
        }

        var values = new T[count];
        for (int k = 0; k < count; k++)
        {
            if (!parse(items[k], out values[k]))
            {
                throw new ModelFormatException($"line {entry.Line}, key {key}", $"value {k} '{ModelFormatException.Quote(items[k])}' is not {what}");
            }
        }

        return values;
    }

    /// <summary>
    /// Checks that the nodes form one tree as LightGBM writes it: every internal child lies after its parent (so no path
    /// can loop and the depth is below the node count), every leaf index is in range, and every node but the root has
    /// exactly one parent.
    /// </summary>
    private static void CheckTopology(int[] left, int[] right, int leaves, Dictionary<string, (string Value, int Line)> keys, string where)
    {
        int splits = left.Length;
        var internalParents = new int[splits];
        var leafParents = new int[leaves];
        for (int k = 0; k < splits; k++)
        {
            foreach ((int child, string key) in new[] { (left[k], "left_child"), (right[k], "right_child") })
            {
                bool valid = child >= 0 ? child > k && child < splits : ~child < leaves;
                if (!valid)
                {
                    throw new ModelFormatException($"{Where(keys, key, where)}, node {k}", $"child {child} is outside the tree or not after its parent");
                }

                if (child >= 0 ? ++internalParents[child] > 1 : ++leafParents[~child] > 1)
                {
                    throw new ModelFormatException($"{Where(keys, key, where)}, node {k}", $"child {child} already has a parent");
                }
            }
        }

        for (int node = 1; node < splits; node++)
        {
            if (internalParents[node] == 0)
            {
                throw new ModelFormatException($"{where}, node {node}", "no split leads to this node");
            }
        }

        for (int leaf = 0; splits > 0 && leaf < leaves; leaf++)
        {
            if (leafParents[leaf] == 0)
            {
                throw new ModelFormatException($"{where}, leaf {leaf}", "no split leads to this leaf");
            }
        }
    }

    private static string Where(Dictionary<string, (string Value, int Line)> keys, string key, string where = "header") =>
        keys.TryGetValue(key, out var entry) ? $"line {entry.Line}, key {key}" : $"{where}, key {key}";

    private delegate bool ItemParser<T>(string item, out T value);
}
