using System.Text.Json;
using Alpha.Backtesting;

namespace Alpha.Backtesting.Tests;

public sealed class PerformanceMetricsTests
{
    public static TheoryData<int> Cases() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_EqualsPandasOnTheSameCurve(int index)
    {
        using JsonDocument golden = JsonDocument.Parse(File.ReadAllText(TestEnvironment.TestDataFile("metrics_golden.json")));
        JsonElement c = golden.RootElement.GetProperty("cases")[index];
        double start = c.GetProperty("start").GetDouble();
        List<DailyEquity> daily = Curve((ulong)c.GetProperty("seed").GetInt32(), c.GetProperty("days").GetInt32(), c.GetProperty("drift").GetDouble(), start);
        DateTime first = daily[0].Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        DateTime last = daily[^1].Day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc);

        PerformanceSummary s = PerformanceMetrics.Compute(daily, start, first, last, [], 0);

        void Check(string key, double actual) => Numeric.AssertClose(c.GetProperty(key).GetDouble(), actual, rel: 1e-10, what: key);
        Check("years", s.Years);
        Check("days_per_year", s.TradingDaysPerYear);
        Check("annual", s.AnnualReturn);
        Check("volatility", s.Volatility);
        Check("sharpe", s.Sharpe);
        Check("sortino", s.Sortino);
        Check("max_drawdown", s.MaxDrawdown);
        Check("max_drawdown_days", s.MaxDrawdownDays);
        Check("calmar", s.Calmar);
    }

    [Fact]
    public void Summary_WithoutTrades_ReportsNaNPerTradeStatistics()
    {
        var day = new DateOnly(2024, 1, 2);
        PerformanceSummary s = PerformanceMetrics.Compute([new DailyEquity(day, 100), new DailyEquity(day.AddDays(1), 100)], 100, new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 3, 20, 0, 0, DateTimeKind.Utc), [], 0);
        Assert.Equal((0, 0.0, 0.0), (s.Trades, s.Sharpe, s.MaxDrawdown));
        Assert.True(double.IsNaN(s.WinRate) && double.IsNaN(s.Calmar));
    }

    // The curve of generate_metrics_golden.py: weekdays from 2015-01-05, E_d = E_{d−1}·(1 + 0.002·(u − 0.48) + drift).
    private static List<DailyEquity> Curve(ulong seed, int days, double drift, double start)
    {
        var rng = new Lcg(seed);
        var daily = new List<DailyEquity>();
        double e = start;
        for (var day = new DateOnly(2015, 1, 5); daily.Count < days; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            e *= 1 + (0.002 * (rng.Next() - 0.48)) + drift;
            daily.Add(new DailyEquity(day, e));
        }

        return daily;
    }
}
