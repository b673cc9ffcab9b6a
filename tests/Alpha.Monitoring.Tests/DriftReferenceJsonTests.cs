using System.Text;
using Alpha.Monitoring;

namespace Alpha.Monitoring.Tests;

public sealed class DriftReferenceJsonTests
{
    private static readonly DriftReference s_reference = new(
        [DriftDistribution.Of("z", [0.1, -1.3, 2.25, 0.7, 0.0, 1.1, -0.4]), DriftDistribution.Of("speed", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])],
        DriftDistribution.Of("return_prob", [0.1, 0.2, 0.3, 0.35, 0.9]), DriftDistribution.Of("risk_score", [0.5, 0.25, 0.125, 0.0625]),
        0.6123456789, double.NaN, 0, 0.35);

    [Fact]
    public void RoundTrips_Exactly_WithNullForWhatIsNotANumber()
    {
        byte[] json = DriftReferenceJson.Write(s_reference);
        DriftReference read = DriftReferenceJson.Read(json);

        Assert.Contains("\"backtest_win_rate\": null", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(DriftReferenceJson.Write(read), json);
        Assert.Equal(s_reference.Inputs.Select(d => (d.Name, d.Mean, d.StandardDeviation)), read.Inputs.Select(d => (d.Name, d.Mean, d.StandardDeviation)));
        Assert.Equal<double>(s_reference.Inputs[0].Edges, read.Inputs[0].Edges);
        Assert.Equal<int>(s_reference.RiskScore.Counts, read.RiskScore.Counts);
        Assert.True(double.IsNaN(read.BacktestWinRate));
        Assert.Equal((0.6123456789, 0, 0.35), (read.OutOfFoldAuc, read.BacktestTrades, read.Theta2));
    }

    [Theory]
    [InlineData("\"theta2\": 0.35", "\"theta2\": \"x\"", "theta2 must be a finite number")]
    [InlineData("\"theta2\": 0.35", "\"theta2\": 0.35, \"extra\": 1", "unknown key 'extra'")]
    [InlineData("\"backtest_trades\": 0", "\"backtest_trades\": -1", "backtest_trades must be a non-negative whole number")]
    [InlineData("\"name\": \"z\"", "\"name\": \"\"", "inputs[0].name must be a non-empty text")]
    public void Read_RefusesWhatIsNotAReference_NamingTheKey(string find, string replace, string expected)
    {
        string json = Encoding.UTF8.GetString(DriftReferenceJson.Write(s_reference)).Replace(find, replace, StringComparison.Ordinal);

        InvalidDataException e = Assert.Throws<InvalidDataException>(() => DriftReferenceJson.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "lacks 'inputs'")]
    [InlineData("[]", "must be an object")]
    [InlineData("{\"inputs\": [", "not JSON")]
    public void Read_RefusesOtherShapes(string json, string expected)
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => DriftReferenceJson.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
