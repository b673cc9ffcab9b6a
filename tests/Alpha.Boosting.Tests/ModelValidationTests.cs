using System.Text;
using System.Text.RegularExpressions;
using Alpha.Boosting;

namespace Alpha.Boosting.Tests;

/// <summary>
/// The structural checks at load, one per defect found with mutated files: each edit of a real model is refused
/// with a <see cref="ModelFormatException"/> that names where the problem is.
/// </summary>
public sealed class ModelValidationTests
{
    private static readonly Lazy<string> s_xgboost = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "xgboost", "binary_logistic.json")));

    public static TheoryData<string, string, string, string> XGBoostEdits() => new()
    {
        // name, regex on the JSON, replacement, expected location fragment
        { "child points back to the root", "\"left_children\":\\[1,3,", "\"left_children\":[1,0,", "model.trees[0].left_children[1]" },
        { "child points to itself", "\"left_children\":\\[1,", "\"left_children\":[0,", "model.trees[0].left_children[0]" },
        { "two parents share a child", "\"right_children\":\\[2,4,", "\"right_children\":[2,3,", "model.trees[0].right_children[1]" },
        { "num_class of 5,000,000", "\"num_class\":\"0\"", "\"num_class\":\"5000000\"", "learner.learner_model_param.num_class" },
        { "NaN base_score", "\"base_score\":\"5E-1\"", "\"base_score\":\"NaN\"", "learner.learner_model_param.base_score" },
        { "base_score outside (0, 1) for logistic", "\"base_score\":\"5E-1\"", "\"base_score\":\"1.5\"", "learner.learner_model_param.base_score" },
        { "NaN threshold", "\"split_conditions\":\\[6.457357E-2,", "\"split_conditions\":[NaN,", "model.trees[0].split_conditions[0]" },
        { "infinite threshold", "\"split_conditions\":\\[6.457357E-2,", "\"split_conditions\":[Infinity,", "model.trees[0].split_conditions[0]" },
        { "split type 7", "\"split_type\":\\[0,", "\"split_type\":[7,", "model.trees[0].split_type[0]" },
        { "too few split types", "\"split_type\":\\[0,", "\"split_type\":[", "model.trees[0].split_type" },
    };

    [Theory]
    [MemberData(nameof(XGBoostEdits))]
    public void XGBoostJson_Edited_IsRefusedNamingThePlace(string name, string pattern, string replacement, string location)
    {
        string edited = new Regex(pattern).Replace(s_xgboost.Value, replacement, 1);
        Assert.NotEqual(s_xgboost.Value, edited);

        var e = Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadXGBoostJson(Encoding.UTF8.GetBytes(edited)));

        Assert.True(e.Location.Contains(location, StringComparison.Ordinal), $"{name}: location '{e.Location}' ({e.Message})");
    }

    [Fact]
    public void XGBoostJson_LeafValueNaN_IsRefused()
    {
        // A leaf's split condition is its value: set tree 0's first leaf's to NaN.
        string json = s_xgboost.Value;
        int[] left = [.. ArrayItems(json, "left_children").Select(int.Parse)];
        int leaf = Array.IndexOf(left, -1);
        int start = json.IndexOf("\"split_conditions\":[", StringComparison.Ordinal) + "\"split_conditions\":[".Length;
        string[] conditions = ArrayItems(json, "split_conditions");
        int at = start + conditions.Take(leaf).Sum(c => c.Length + 1);
        string edited = string.Concat(json.AsSpan(0, at), "NaN", json.AsSpan(at + conditions[leaf].Length));

        var e = Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadXGBoostJson(Encoding.UTF8.GetBytes(edited)));

        Assert.Equal($"model.trees[0].split_conditions[{leaf}]", e.Location);
        Assert.Contains("leaf value", e.Message, StringComparison.Ordinal);
    }

    // The items of the first array named `name` in the JSON text, as written (","-separated).
    private static string[] ArrayItems(string json, string name)
    {
        int start = json.IndexOf($"\"{name}\":[", StringComparison.Ordinal) + name.Length + 4;
        return json[start..json.IndexOf(']', start)].Split(',');
    }

    public static TheoryData<string, string, string, string> LightGbmEdits() => new()
    {
        { "child points back to the root", "right_child=1 -3", "right_child=0 -3", "key right_child, node 0" },
        { "child points to itself", "right_child=1 -3", "right_child=-3 1", "key right_child, node 1" },
        { "leaf out of range", "left_child=-1 -2", "left_child=-1 -9", "key left_child, node 1" },
        { "no trees per iteration", "num_tree_per_iteration=1", "num_tree_per_iteration=0", "key num_tree_per_iteration" },
        { "5,000,000 classes", "num_class=1", "num_class=5000000", "key num_class" },
        { "categorical threshold out of range", "threshold=0 340.50000000000006", "threshold=3 340.50000000000006", "key threshold, node 0" },
        { "NaN threshold", "threshold=0 340.50000000000006", "threshold=0 nan", "key threshold" },
        { "NaN leaf", "leaf_value=0.56697267424823339", "leaf_value=nan", "key leaf_value" },
        { "infinite leaf", "leaf_value=0.56697267424823339", "leaf_value=inf", "key leaf_value" },
        { "fractional child", "left_child=-1 -2", "left_child=-1 -2.5", "key left_child" },
        { "decision type 255", "decision_type=9 2", "decision_type=9 255", "key decision_type, node 1" },
        { "negative cat boundary", "cat_boundaries=0 4", "cat_boundaries=0 -4", "key cat_boundaries" },
        { "cat threshold above 32 bits", "cat_threshold=0 0 0 16", "cat_threshold=0 0 0 4294967296", "key cat_threshold" },
        { "sigmoid NaN", "objective=binary sigmoid:1", "objective=binary sigmoid:nan", "key objective" },
    };

    [SharedDataTheory]
    [MemberData(nameof(LightGbmEdits))]
    public void LightGbmText_Edited_IsRefusedNamingThePlace(string name, string find, string replacement, string location)
    {
        string text = File.ReadAllText(TestEnvironment.SharedFile("lightgbm-parity", "model_simple.txt"));
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name}: '{find}' not in the model");
        string edited = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));

        var e = Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(edited));

        Assert.True(e.Location.Contains(location, StringComparison.Ordinal), $"{name}: location '{e.Location}' ({e.Message})");
    }

    [Fact]
    public void Message_QuotesAtMost80CharactersOfAValue()
    {
        string huge = new('x', 10_000_000);
        string edited = "tree\nversion=v3\nnum_class=1\nmax_feature_idx=1\nobjective=" + huge + "\nTree=0\nnum_leaves=1\nleaf_value=1\nend of trees\n";

        var e = Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(edited));

        Assert.True(e.Message.Length < 200, e.Message[..Math.Min(400, e.Message.Length)]);
        Assert.Contains("(10000000 characters)", e.Message, StringComparison.Ordinal);
    }
}
