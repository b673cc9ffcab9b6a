using System.Globalization;
using System.Text.Json;

namespace Alpha.Boosting;

/// <summary>Parses XGBoost's JSON model (1.x schema: learner → gradient_booster → model → trees). Errors name the JSON path.</summary>
internal static class XGBoostJsonLoader
{
    public static XGBoostForest Load(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(NonFiniteJson.Sanitize(json), new JsonReaderOptions { MaxDepth = 256 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"JSON line {e.LineNumber + 1}", $"malformed or truncated JSON ({e.Message})");
        }

        using (document)
        {
            try
            {
                return Parse(document.RootElement);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException and not ModelFormatException)
            {
                throw new ModelFormatException("model", $"a value has the wrong JSON type ({e.Message})");
            }
        }
    }

    private static XGBoostForest Parse(JsonElement root)
    {
        JsonElement learner = Get(root, "learner", "");
        JsonElement parameters = Get(learner, "learner_model_param", "learner");
        int featureCount = ParseInt(Get(parameters, "num_feature", "learner.learner_model_param"), "learner.learner_model_param.num_feature");
        if (featureCount < 1 || featureCount > ModelLimits.MaxFeatures)
        {
            throw new ModelFormatException("learner.learner_model_param.num_feature", $"{featureCount} features: must be between 1 and {ModelLimits.MaxFeatures}");
        }

        int numClass = ParseInt(Get(parameters, "num_class", "learner.learner_model_param"), "learner.learner_model_param.num_class");
        if (numClass < 0 || numClass > ModelLimits.MaxOutputs)
        {
            throw new ModelFormatException("learner.learner_model_param.num_class", $"{numClass} classes: must be between 0 and {ModelLimits.MaxOutputs}");
        }

        float baseScore = ParseFloat(Get(parameters, "base_score", "learner.learner_model_param"), "learner.learner_model_param.base_score");
        string objective = Get(Get(learner, "objective", "learner"), "name", "learner.objective").GetString() ?? "";
        (OutputTransform transform, float baseMargin) = Objective(objective, baseScore);
        if (!float.IsFinite(baseMargin))
        {
            throw new ModelFormatException("learner.learner_model_param.base_score", $"{baseScore} is outside the domain of objective '{ModelFormatException.Quote(objective)}'");
        }

        JsonElement booster = Get(learner, "gradient_booster", "learner");
        string boosterName = Get(booster, "name", "learner.gradient_booster").GetString() ?? "";
        JsonElement model;
        float[]? dartWeights = null;
        if (boosterName == "gbtree")
        {
            model = Get(booster, "model", "learner.gradient_booster");
        }
        else if (boosterName == "dart")
        {
            model = Get(Get(booster, "gbtree", "learner.gradient_booster"), "model", "learner.gradient_booster.gbtree");
            dartWeights = [.. Get(booster, "weight_drop", "learner.gradient_booster").EnumerateArray().Select(e => (float)e.GetDouble())];
            if (dartWeights.Any(w => !float.IsFinite(w)))
            {
                throw new ModelFormatException("learner.gradient_booster.weight_drop", "a tree weight is not a finite number");
            }
        }
        else
        {
            throw new ModelFormatException("learner.gradient_booster.name", $"booster '{ModelFormatException.Quote(boosterName)}' is not supported (gbtree or dart)");
        }

        var trees = new List<XGBoostTree>();
        int t = 0;
        foreach (JsonElement tree in Get(model, "trees", "model").EnumerateArray())
        {
            trees.Add(ParseTree(tree, $"model.trees[{t++}]", featureCount));
        }

        int[] groups = [.. Get(model, "tree_info", "model").EnumerateArray().Select(e => e.GetInt32())];
        int outputs = Math.Max(1, numClass);
        if (groups.Length != trees.Count || groups.Any(g => (uint)g >= (uint)outputs))
        {
            throw new ModelFormatException("model.tree_info", $"has {groups.Length} entries for {trees.Count} trees, or a group outside 0..{outputs - 1}");
        }

        if (dartWeights is not null && dartWeights.Length != trees.Count)
        {
            throw new ModelFormatException("learner.gradient_booster.weight_drop", $"has {dartWeights.Length} weights for {trees.Count} trees");
        }

        return new XGBoostForest(new XGBoostModelParts(featureCount, outputs, objective, transform, baseMargin, trees, groups, dartWeights ?? [.. Enumerable.Repeat(1f, trees.Count)]));
    }

    // The objective's output transform and base_score → base margin (XGBoost's ProbToMargin), in float.
    private static (OutputTransform Transform, float BaseMargin) Objective(string name, float baseScore) => name switch
    {
        "binary:logistic" or "reg:logistic" => (OutputTransform.Sigmoid, -MathF.Log((1.0f / baseScore) - 1.0f)),
        "binary:logitraw" => (OutputTransform.Identity, baseScore),
        "count:poisson" or "reg:gamma" or "reg:tweedie" => (OutputTransform.Exp, MathF.Log(baseScore)),
        "multi:softprob" => (OutputTransform.Softmax, baseScore),
        "multi:softmax" => (OutputTransform.ArgMax, baseScore),
        "reg:squarederror" or "reg:linear" or "reg:squaredlogerror" or "reg:pseudohubererror" or "reg:absoluteerror"
            or "rank:pairwise" or "rank:ndcg" or "rank:map" => (OutputTransform.Identity, baseScore),
        _ => throw new ModelFormatException("learner.objective.name", $"objective '{ModelFormatException.Quote(name)}' is not supported"),
    };

    private static XGBoostTree ParseTree(JsonElement tree, string path, int featureCount)
    {
        int[] left = Ints(tree, "left_children", path);
        int n = left.Length;
        if (n == 0)
        {
            throw new ModelFormatException($"{path}.left_children", "a tree has at least one node");
        }

        int[] right = Ints(tree, "right_children", path, n);
        int[] split = Ints(tree, "split_indices", path, n);
        float[] condition = [.. Array(tree, "split_conditions", path, n).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? float.NaN : (float)e.GetDouble())];
        bool[] defaultLeft = [.. Array(tree, "default_left", path, n).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.True || (e.ValueKind == JsonValueKind.Number && e.GetInt32() != 0))];
        int[] splitType = tree.TryGetProperty("split_type", out _) ? Ints(tree, "split_type", path, n) : new int[n];
        CheckNodes(left, right, split, splitType, condition, featureCount, path);

        var categories = new Dictionary<int, int[]>();
        if (tree.TryGetProperty("categories_nodes", out JsonElement nodes) && nodes.GetArrayLength() > 0)
        {
            int[] values = Ints(tree, "categories", path);
            int[] catNodes = Ints(tree, "categories_nodes", path);
            int[] segments = Ints(tree, "categories_segments", path, catNodes.Length);
            int[] sizes = Ints(tree, "categories_sizes", path, catNodes.Length);
            for (int k = 0; k < catNodes.Length; k++)
            {
                if ((uint)catNodes[k] >= (uint)n || segments[k] < 0 || sizes[k] < 0 || (long)segments[k] + sizes[k] > values.Length
                    || splitType[catNodes[k]] != 1 || categories.ContainsKey(catNodes[k]))
                {
                    throw new ModelFormatException($"{path}.categories_nodes[{k}]", "does not describe a categorical node's categories");
                }

                int[] set = values[segments[k]..(segments[k] + sizes[k])];
                if (set.Any(c => (uint)c >= ModelLimits.MaxCategory))
                {
                    throw new ModelFormatException($"{path}.categories_nodes[{k}]", $"a category is negative or not below {ModelLimits.MaxCategory}");
                }

                categories[catNodes[k]] = set;
            }
        }

        for (int k = 0; k < n; k++)
        {
            if (splitType[k] == 1 && left[k] >= 0 && !categories.ContainsKey(k))
            {
                throw new ModelFormatException($"{path}, node {k}", "a categorical split has no categories");
            }
        }

        return new XGBoostTree { Left = left, Right = right, SplitIndex = split, SplitCondition = condition, DefaultLeft = defaultLeft, Categories = categories };
    }

    /// <summary>
    /// Checks that the nodes reachable from the root form a tree — no node points back to the root and none has two
    /// parents, so no path loops, no subtree is shared and the depth is below the node count — that split features and
    /// types are in range, and that every leaf value and numerical threshold is finite (a categorical split's condition
    /// is NaN). Nodes no split leads to are allowed: XGBoost's pruner leaves its deleted nodes in the arrays.
    /// </summary>
    private static void CheckNodes(int[] left, int[] right, int[] split, int[] splitType, float[] condition, int featureCount, string path)
    {
        int n = left.Length;
        var parents = new int[n];
        for (int k = 0; k < n; k++)
        {
            bool leaf = left[k] < 0;
            if (leaf != (right[k] < 0))
            {
                throw new ModelFormatException($"{path}, node {k}", "one child is a leaf marker (-1) and the other is not");
            }

            if (leaf)
            {
                if (!float.IsFinite(condition[k]))
                {
                    throw new ModelFormatException($"{path}.split_conditions[{k}]", $"leaf value {condition[k]} is not finite");
                }

                continue;
            }

            if ((uint)splitType[k] > 1)
            {
                throw new ModelFormatException($"{path}.split_type[{k}]", $"{splitType[k]} is neither numerical (0) nor categorical (1)");
            }

            if ((uint)split[k] >= (uint)featureCount)
            {
                throw new ModelFormatException($"{path}.split_indices[{k}]", $"feature {split[k]} is outside the model's {featureCount} features");
            }

            if (splitType[k] == 0 && !float.IsFinite(condition[k]))
            {
                throw new ModelFormatException($"{path}.split_conditions[{k}]", $"threshold {condition[k]} is not finite");
            }

            foreach ((int child, string key) in new[] { (left[k], "left_children"), (right[k], "right_children") })
            {
                if (child <= 0 || child >= n || ++parents[child] > 1)
                {
                    throw new ModelFormatException($"{path}.{key}[{k}]", $"child {child} is outside the tree, the root, or a node that already has a parent");
                }
            }
        }
    }

    private static JsonElement Get(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value))
        {
            throw new ModelFormatException(path.Length == 0 ? name : $"{path}.{name}", "is missing");
        }

        return value;
    }

    private static JsonElement Array(JsonElement tree, string name, string path, int expected = -1)
    {
        JsonElement value = Get(tree, name, path);
        if (value.ValueKind != JsonValueKind.Array || (expected >= 0 && value.GetArrayLength() != expected))
        {
            throw new ModelFormatException($"{path}.{name}", expected >= 0 ? $"must be an array of {expected} values" : "must be an array");
        }

        return value;
    }

    private static int[] Ints(JsonElement tree, string name, string path, int expected = -1) =>
        [.. Array(tree, name, path, expected).EnumerateArray().Select(e => e.GetInt32())];

    private static int ParseInt(JsonElement value, string path) =>
        int.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
            ? parsed
            : throw new ModelFormatException(path, $"'{value}' is not an integer");

    private static float ParseFloat(JsonElement value, string path) =>
        float.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed)
            ? parsed
            : throw new ModelFormatException(path, $"'{value}' is not a number");
}
