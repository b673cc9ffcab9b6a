using System.Globalization;
using System.Text;

namespace Alpha.Boosting.Tests;

/// <summary>
/// Shallow plain LightGBM trees are walked in a complete-tree form (heap order, shallow leaves padded by
/// pass-through splits). On 300 seeded random models (depths 0–6, thresholds at ±∞, ±0 and the rows' own values,
/// missing types None and NaN with either default side, 1–3 outputs) and rows full of NaN, ±∞, ±0 and ties, it gives
/// bit for bit what the breadth-first walk gives.
/// </summary>
public sealed class LightGbmCompleteTreesTests
{
    private const int Features = 5;
    private static readonly double[] s_values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 0.5, -0.5, 1.0, 2.0, -3.0];

    [Fact]
    public void CompleteForm_EqualsTheBreadthFirstWalk_OnRandomShallowModels()
    {
        var random = new Random(20261207);
        int complete = 0;
        for (int m = 0; m < 300; m++)
        {
            int outputs = 1 + random.Next(3), trees = outputs * (1 + random.Next(9));
            string text = RandomModel(random, outputs, trees, maxDepth: random.Next(LightGbmCompleteTrees.MaxDepth + 1));
            LightGbmForest fast = LightGbmTextLoader.Load(text), walk = LightGbmTextLoader.Load(text, completeTrees: false);
            Assert.False(walk.UsesCompleteTrees);
            complete += fast.UsesCompleteTrees ? 1 : 0;
            var expected = new double[outputs];
            var actual = new double[outputs];
            for (int r = 0; r < 200; r++)
            {
                double[] row = [.. Enumerable.Range(0, Features).Select(_ => random.Next(3) == 0 ? random.NextDouble() * 4 - 2 : s_values[random.Next(s_values.Length)])];
                walk.PredictRaw(row, expected);
                fast.PredictRaw(row, actual);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"model {m}, row [{string.Join(", ", row)}]: {string.Join(", ", expected)} vs {string.Join(", ", actual)}");
            }
        }

        // The others hold a NaN-missing split with default right at threshold +∞, which leaves the plain path.
        Assert.True(complete > 150, $"only {complete} of 300 models took the complete form");
    }

    [Fact]
    public void DeepOrSpecialTrees_KeepTheBreadthFirstWalk()
    {
        var random = new Random(7);
        Assert.False(LightGbmTextLoader.Load(RandomModel(random, 1, 2, LightGbmCompleteTrees.MaxDepth + 1, forceDepth: true)).UsesCompleteTrees);
        // decision_type 4 = missing type Zero: not on the plain path.
        string zero = RandomModel(random, 1, 1, 1, forceDepth: true).Replace("decision_type=0", "decision_type=4", StringComparison.Ordinal).Replace("decision_type=8", "decision_type=4", StringComparison.Ordinal).Replace("decision_type=10", "decision_type=4", StringComparison.Ordinal);
        Assert.False(LightGbmTextLoader.Load(zero).UsesCompleteTrees);
    }

    private static string RandomModel(Random random, int outputs, int trees, int maxDepth, bool forceDepth = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"tree\nversion=v4\nnum_class={outputs}\nnum_tree_per_iteration={outputs}\nlabel_index=0\nmax_feature_idx={Features - 1}\nobjective={(outputs == 1 ? "regression" : $"multiclass num_class:{outputs}")}\n\n");
        for (int t = 0; t < trees; t++)
        {
            var feature = new List<int>();
            var threshold = new List<double>();
            var decision = new List<int>();
            var left = new List<int>();
            var right = new List<int>();
            var leaves = new List<double>();

            // Returns the child code: a split index ≥ 0, or ~leaf.
            int Grow(int depth)
            {
                if (depth == maxDepth || (!forceDepth && random.Next(4) == 0))
                {
                    leaves.Add(Math.Round((random.NextDouble() * 2) - 1, 6));
                    return ~(leaves.Count - 1);
                }

                int k = feature.Count;
                feature.Add(random.Next(Features));
                threshold.Add(random.Next(4) == 0 ? s_values[1 + random.Next(s_values.Length - 1)] : Math.Round((random.NextDouble() * 4) - 2, 3));
                decision.Add(random.Next(3) switch { 0 => 0, 1 => 8, _ => 10 });   // None; NaN right; NaN left
                left.Add(0);
                right.Add(0);
                left[k] = Grow(depth + 1);
                right[k] = Grow(depth + 1);
                return k;
            }

            if (Grow(0) < 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"Tree={t}\nnum_leaves=1\nnum_cat=0\nleaf_value={leaves[0].ToString("R", CultureInfo.InvariantCulture)}\nshrinkage=1\n\n");
                continue;
            }

            static string Join<T>(IEnumerable<T> values) => string.Join(' ', values.Select(v => string.Format(CultureInfo.InvariantCulture, "{0}", v)));
            string thresholds = string.Join(' ', threshold.Select(v => double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture)));
            text.Append(CultureInfo.InvariantCulture, $"Tree={t}\nnum_leaves={leaves.Count}\nnum_cat=0\nsplit_feature={Join(feature)}\nthreshold={thresholds}\ndecision_type={Join(decision)}\nleft_child={Join(left)}\nright_child={Join(right)}\nleaf_value={string.Join(' ', leaves.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}\nshrinkage=1\n\n");
        }

        text.Append("end of trees\n");
        return text.ToString();
    }
}
