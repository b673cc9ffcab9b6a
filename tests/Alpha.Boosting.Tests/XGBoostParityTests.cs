using System.Globalization;

namespace Alpha.Boosting.Tests;

/// <summary>XGBoost JSON models of every supported objective against XGBoost 1.7.4's own predictions (TestData/README.md).</summary>
public sealed class XGBoostParityTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "xgboost"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predictions_EqualXGBoost(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "TestData", "xgboost");
        var model = BoostedTreeModel.LoadXGBoostJson(File.ReadAllBytes(Path.Combine(folder, name + ".json")));
        string[] lines = File.ReadAllLines(Path.Combine(folder, name + ".csv"));
        string[] header = lines[0].Split(',');
        int features = header.Count(h => h.StartsWith('f')), margins = header.Count(h => h.StartsWith("margin", StringComparison.Ordinal)), outputs = header.Count(h => h.StartsWith("output", StringComparison.Ordinal));
        Assert.Equal(model.FeatureCount, features);
        var raw = new double[model.OutputCount];
        var transformed = new double[model.OutputCount];
        foreach (string line in lines.Skip(1))
        {
            double[] v = [.. line.Split(',').Select(s => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture))];
            model.PredictRaw(v.AsSpan(0, features), raw);
            model.Predict(v.AsSpan(0, features), transformed);
            Numeric.AssertClose(v.AsSpan(features, margins), raw.AsSpan(0, margins), rel: 1e-6, abs: 1e-6, what: $"{name} margins");
            Numeric.AssertClose(v.AsSpan(features + margins, outputs), transformed.AsSpan(0, outputs), rel: 1e-6, abs: 1e-6, what: $"{name} outputs");
        }
    }

    [Fact]
    public void Batch_EqualsRowByRow_OnSeveralThreads()
    {
        var model = BoostedTreeModel.LoadXGBoostJson(File.ReadAllBytes(TestEnvironment.TestDataFile(Path.Combine("xgboost", "multi_softprob.json"))));
        var random = new Random(3);
        double[] rows = [.. Enumerable.Range(0, 3000 * model.FeatureCount).Select(_ => random.NextDouble() < 0.05 ? double.NaN : (random.NextDouble() * 4) - 2)];
        var batch = new double[3000 * model.OutputCount];

        model.PredictBatch(rows, batch, maxDegreeOfParallelism: 4);

        var one = new double[model.OutputCount];
        for (int r = 0; r < 3000; r++)
        {
            model.Predict(rows.AsSpan(r * model.FeatureCount, model.FeatureCount), one);
            Assert.Equal(one, batch.AsSpan(r * model.OutputCount, model.OutputCount).ToArray());
        }
    }
}
