using System.Text.Json;

namespace Alpha.Training.Tests;

/// <summary>
/// DirectionMetrics against scikit-learn (TestData/direction_metrics_golden.json, from generate_direction_metrics_golden.py
/// with Debian's python3-sklearn): multiclass log loss, one-vs-rest AUC, accuracy, confusion matrix and the
/// class-frequency baseline, on informative, near-zero and tied probabilities.
/// </summary>
public sealed class DirectionMetricsTests
{
    public static TheoryData<string> Cases { get; } = ["dirichlet", "near_zero_true_class", "ties"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_EqualScikitLearns(string name)
    {
        using JsonDocument golden = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "direction_metrics_golden.json")));
        JsonElement c = golden.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        int[] labels = [.. c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32())];
        double[] probabilities = [.. c.GetProperty("probabilities").EnumerateArray().Select(v => v.GetDouble())];

        DirectionMetrics m = DirectionMetrics.Compute(labels, probabilities);

        Assert.Equal(c.GetProperty("log_loss").GetDouble(), m.LogLoss, 1e-12);
        Assert.Equal(c.GetProperty("baseline_log_loss").GetDouble(), m.BaselineLogLoss, 1e-12);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), m.Accuracy);
        Assert.Equal(c.GetProperty("baseline_accuracy").GetDouble(), m.BaselineAccuracy);
        Assert.Equal(c.GetProperty("auc").EnumerateArray().Select(v => v.GetDouble()), m.Auc);
        Assert.Equal(c.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()), m.ConfusionMatrix.Select(r => r.ToArray()));
    }

    [Fact]
    public void BadInput_IsRefused_NamingIt()
    {
        Assert.Contains("labels[1] is 3", Assert.Throws<ArgumentException>(() => DirectionMetrics.Compute([0, 3], new double[6])).Message, StringComparison.Ordinal);
        Assert.Contains("probabilities[0, 2] is NaN", Assert.Throws<ArgumentException>(() => DirectionMetrics.Compute([0], [0.5, 0.5, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DirectionMetrics.Compute([0, 1], new double[3]));
    }
}
