using System.Text.Json;
using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class TimeSeriesSplitTests
{
    public static TheoryData<int> GoldenCases()
    {
        var data = new TheoryData<int>();
        using JsonDocument golden = LoadGolden();
        for (int i = 0; i < golden.RootElement.GetProperty("cases").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Split_EqualsScikitLearn(int caseIndex)
    {
        using JsonDocument golden = LoadGolden();
        JsonElement c = golden.RootElement.GetProperty("cases")[caseIndex];
        var options = new TimeSeriesSplitOptions
        {
            Splits = c.GetProperty("n_splits").GetInt32(),
            TestSize = c.GetProperty("test_size").ValueKind == JsonValueKind.Null ? null : c.GetProperty("test_size").GetInt32(),
            Gap = c.GetProperty("gap").GetInt32(),
            MaxTrainSize = c.GetProperty("max_train_size").ValueKind == JsonValueKind.Null ? null : c.GetProperty("max_train_size").GetInt32(),
        };

        var folds = new TimeSeriesSplit(options).Split(c.GetProperty("n_samples").GetInt32()).ToList();

        JsonElement expected = c.GetProperty("folds");
        Assert.Equal(expected.GetArrayLength(), folds.Count);
        for (int k = 0; k < folds.Count; k++)
        {
            Assert.Equal(expected[k].GetProperty("train").EnumerateArray().Select(e => e.GetInt32()), folds[k].Train);
            Assert.Equal(expected[k].GetProperty("test").EnumerateArray().Select(e => e.GetInt32()), folds[k].Test);
        }
    }

    [Fact]
    public void Split_MoreFoldsThanSamples_ThrowsScikitLearnsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(new TimeSeriesSplitOptions { Splits = 5 }).Split(5));
        Assert.StartsWith("Cannot have number of folds=6 greater than the number of samples=5.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_TooManySplitsForTestSizeAndGap_ThrowsScikitLearnsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new TimeSeriesSplit(new TimeSeriesSplitOptions { Splits = 3, TestSize = 3, Gap = 3 }).Split(12));
        Assert.StartsWith("Too many splits=3 for number of samples=12 with test_size=3 and gap=3.", error.Message, StringComparison.Ordinal);
    }

    private static JsonDocument LoadGolden() => JsonDocument.Parse(File.ReadAllText(TestEnvironment.TestDataFile("time_series_split.json")));
}
