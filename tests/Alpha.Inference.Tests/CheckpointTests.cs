using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alpha.Inference.Tests;

/// <summary>
/// A checkpoint is exact: an engine stopped after any bar, saved as JSON and restored (then fed its segment's bars
/// again for warm-up) continues with the same signals and trades as one that never stopped.
/// </summary>
public sealed class CheckpointTests(TrainedVersion version) : IClassFixture<TrainedVersion>
{
    private static readonly Lazy<(BarSeries A, BarSeries B)> s_pair = new(() => SyntheticPair.Generate(new SyntheticPairOptions { Seed = 21, Bars = 3_000 }));

    // Feeds the bars in replay order up to (and including) the first `count` of them.
    private static List<Signal> Feed(PairEngine engine, BarSeries a, BarSeries b, int from, int count)
    {
        var signals = new List<Signal>();
        var bars = Merged(a, b);
        for (int k = from; k < Math.Min(count, bars.Count); k++)
        {
            engine.Add(bars[k].Leg, bars[k].Bar, signals);
        }

        return signals;
    }

    private static List<(PairLeg Leg, Bar Bar)> Merged(BarSeries a, BarSeries b) =>
        [.. Enumerable.Range(0, a.Count).Select(i => (PairLeg.A, a[i])).Concat(Enumerable.Range(0, b.Count).Select(i => (PairLeg.B, b[i])))
            .OrderBy(x => x.Item2.Time).ThenBy(x => x.Item1)];

    [Property(Replay = PropertySeed.Replay, MaxTest = 15)]
    public Property RestoredMidSeries_ContinuesWithTheSameSignals() =>
        Prop.ForAll(Gen.Choose(400, 5_900).ToArbitrary(), stopAfter =>
        {
            (BarSeries a, BarSeries b) = s_pair.Value;
            int total = Merged(a, b).Count;
            PairEngine uninterrupted = version.Engine(0.3, 0.95);
            List<Signal> all = Feed(uninterrupted, a, b, 0, total);

            PairEngine first = version.Engine(0.3, 0.95);
            List<Signal> before = Feed(first, a, b, 0, stopAfter);
            byte[] saved = CheckpointJson.Serialize(first.Checkpoint());

            PairEngine restored = version.Engine(0.3, 0.95);
            EngineCheckpoint checkpoint = CheckpointJson.Parse(saved);
            Assert.Equal(first.Checkpoint(), checkpoint);
            restored.Restore(checkpoint);
            List<Signal> after = Feed(restored, a, b, 0, total);      // the engine skips what precedes its segment

            Assert.Equal(all, [.. before, .. after]);
            Assert.Equal(uninterrupted.Trades.Skip(first.Trades.Count), restored.Trades);
            Assert.Equal(uninterrupted.Checkpoint(), restored.Checkpoint());
            return (first.Position.Position is not null || first.Position.PendingEntry is not null)
                .Label("stopped holding a position")
                .Or(true.Label("stopped flat"));
        });

    [Theory]
    [InlineData(0)]     // the entry was just decided: pending, filled at the next open
    [InlineData(1)]     // the next bar filled it: an open position
    public void RestoredWithAnEntryPendingOrOpen_ContinuesWithTheSameSignals(int barsAfterEntry)
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        List<(PairLeg Leg, Bar Bar)> bars = Merged(a, b);
        PairEngine uninterrupted = version.Engine(0.3, 0.95);
        List<Signal> all = Feed(uninterrupted, a, b, 0, bars.Count);
        DateTime entry = all.First(s => s.Action == SignalAction.Entry).Timestamp.UtcDateTime.AddHours(4 * barsAfterEntry);
        int stopAfter = bars.FindLastIndex(x => x.Bar.Time <= entry) + 1;

        PairEngine first = version.Engine(0.3, 0.95);
        List<Signal> before = Feed(first, a, b, 0, stopAfter);
        Assert.True(barsAfterEntry == 0 ? first.Position.PendingEntry is not null : first.Position.Position is not null);
        PairEngine restored = version.Engine(0.3, 0.95);
        restored.Restore(CheckpointJson.Parse(CheckpointJson.Serialize(first.Checkpoint())));

        Assert.Equal(all, [.. before, .. Feed(restored, a, b, 0, bars.Count)]);
    }

    [Fact]
    public void Restore_OnOtherHistory_IsRefused()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        PairEngine first = version.Engine();
        Feed(first, a, b, 0, 2_000);
        EngineCheckpoint checkpoint = first.Checkpoint();

        PairEngine restored = version.Engine();
        restored.Restore(checkpoint with { SegmentStart = checkpoint.SegmentStart.AddHours(4) });
        Assert.Throws<InvalidDataException>(() => Feed(restored, a, b, 0, 2_000));
        Assert.Throws<InvalidOperationException>(() => restored.Restore(checkpoint));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("null")]
    public void Parse_BadJson_IsATypedError(string json) =>
        Assert.Throws<InvalidDataException>(() => CheckpointJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Parse_ImpossibleState_IsATypedError()
    {
        PairEngine engine = version.Engine();
        (BarSeries a, BarSeries b) = s_pair.Value;
        Feed(engine, a, b, 0, 1_000);
        EngineCheckpoint good = engine.Checkpoint();
        byte[] negativeCash = CheckpointJson.Serialize(good with { Position = good.Position with { Cash = -1 } });
        Assert.Contains("cash", Assert.Throws<InvalidDataException>(() => CheckpointJson.Parse(negativeCash)).Message, StringComparison.Ordinal);
    }
}
