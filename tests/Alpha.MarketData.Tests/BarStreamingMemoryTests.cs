using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

/// <summary>Streaming a million rows keeps memory flat. Runs alone, so the process-wide memory reading is this test's.</summary>
[Collection(Sequential.Name)]
public sealed class BarStreamingMemoryTests
{
    [Fact]
    public void Read_StreamsAMillionRowsInConstantMemory()
    {
        using var source = new GeneratedBars(1_000_000);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long retainedPeak = 0, count = 0;
        foreach (Bar bar in new BarCsvReader().Read(source, "generated"))
        {
            if (++count % 250_000 == 0)
            {
                retainedPeak = Math.Max(retainedPeak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }

            Assert.True(bar.Close > 0);
        }

        Assert.Equal(1_000_000, count);
        // A list of a million lines alone would hold tens of megabytes.
        Assert.True(retainedPeak < 4 * 1024 * 1024, $"retained {retainedPeak} bytes while streaming");
    }

    // Produces MetaTrader-format lines on demand, so no file or list of lines exists.
    private sealed class GeneratedBars(int rows) : TextReader
    {
        private int _line = -1;

        public override string? ReadLine()
        {
            _line++;
            if (_line == 0)
            {
                return "Time\tOpen\tHigh\tLow\tClose\tVolume";
            }

            if (_line > rows)
            {
                return null;
            }

            DateTime t = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(_line);
            return $"{t:yyyy-MM-dd HH:mm:ss}\t1.1\t1.2\t1.0\t1.15\t{_line}";
        }
    }
}
