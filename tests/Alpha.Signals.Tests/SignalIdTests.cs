using System.Globalization;

namespace Alpha.Signals.Tests;

public sealed class SignalIdTests
{
    public static TheoryData<string, string, string, string, string, string> Golden
    {
        get
        {
            // TestData/signal_ids.csv: the ids computed by Python's hashlib (TestData/signal_ids.py).
            var data = new TheoryData<string, string, string, string, string, string>();
            foreach (string line in File.ReadLines(TestEnvironment.TestDataFile("signal_ids.csv")).Skip(1))
            {
                string[] f = line.Split(',');
                data.Add(f[0], f[1], f[2], f[3], f[4], f[5]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Of_EqualsAnIndependentSha256(string modelId, string pairId, string time, string version, string action, string expected)
    {
        var bar = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(expected, SignalId.Of(modelId, pairId, bar, version, action == "entry" ? SignalAction.Entry : SignalAction.Exit));
    }

    [Fact]
    public void Of_DependsOnTheInstantOnly_NotOnTheOffsetItIsWrittenIn()
    {
        var utc = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(SignalId.Of("m", "p", utc, "v", SignalAction.Entry), SignalId.Of("m", "p", utc.ToOffset(TimeSpan.FromHours(9)), "v", SignalAction.Entry));
        Assert.NotEqual(SignalId.Of("m", "p", utc, "v", SignalAction.Entry), SignalId.Of("m", "p", utc.AddHours(4), "v", SignalAction.Entry));
    }

    [Fact]
    public void Of_RefusesAmbiguousParts()
    {
        var bar = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("modelId", Assert.Throws<ArgumentException>(() => SignalId.Of("a|b", "p", bar, "v", SignalAction.Entry)).ParamName);
        Assert.Equal("pairId", Assert.Throws<ArgumentException>(() => SignalId.Of("m", " ", bar, "v", SignalAction.Entry)).ParamName);
        Assert.Equal("barOpenTime", Assert.Throws<ArgumentException>(() => SignalId.Of("m", "p", bar.AddMilliseconds(1), "v", SignalAction.Entry)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalId.Of("m", "p", bar, "v", (SignalAction)7));
    }
}
