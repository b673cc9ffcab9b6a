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

    // Produces MetaTrader-format text on demand, line by line, so no file or list of lines exists. A TextReader whose
    // Read serves the characters (the readers read blocks, bounding each line's length).
    private sealed class GeneratedBars(int rows) : TextReader
    {
        private int _line = -1;
        private string _current = "";
        private int _offset;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_offset == _current.Length && !Next())
            {
                return 0;
            }

            int n = Math.Min(count, _current.Length - _offset);
            _current.CopyTo(_offset, buffer, index, n);
            _offset += n;
            return n;
        }

        private bool Next()
        {
            _line++;
            if (_line > rows)
            {
                return false;
            }

            DateTime t = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(_line);
            _current = _line == 0 ? "Time\tOpen\tHigh\tLow\tClose\tVolume\n" : $"{t:yyyy-MM-dd HH:mm:ss}\t1.1\t1.2\t1.0\t1.15\t{_line}\n";
            _offset = 0;
            return true;
        }
    }
}
