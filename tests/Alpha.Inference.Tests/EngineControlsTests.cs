using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Training;

namespace Alpha.Inference.Tests;

/// <summary>Operator flags, their fail-safe, drawdown levels, staleness and position scaling (DESIGN.md § 6 "Inference").</summary>
public sealed class EngineControlsTests(TrainedVersion version) : IClassFixture<TrainedVersion>
{
    private static readonly Lazy<(BarSeries A, BarSeries B)> s_pair = new(() => SyntheticPair.Generate(new SyntheticPairOptions { Seed = 21, Bars = 3_000 }));

    private PairEngine Engine(IOpsFlagSource flags, DrawdownLevels? drawdown = null, IPositionScaler? scaler = null) =>
        version.Engine(0.3, 0.95, o => o with { OpsFlags = flags, Drawdown = drawdown ?? DrawdownLevels.None, PositionScaler = scaler ?? ConstantPositionScaler.Full });

    private static List<Signal> Replay(PairEngine engine) => PairReplay.Run(engine, s_pair.Value.A, s_pair.Value.B);

    [Fact]
    public void SoftHalt_BlocksEntries_HardHalt_BlocksEverySignal()
    {
        Assert.Contains(Replay(Engine(new StaticOpsFlags())), s => s.Action == SignalAction.Entry);
        Assert.DoesNotContain(Replay(Engine(new StaticOpsFlags { Flags = OpsFlags.Normal with { SoftHalt = true } })), s => s.Action == SignalAction.Entry);
        Assert.Empty(Replay(Engine(new StaticOpsFlags { Flags = OpsFlags.Normal with { HardHalt = true } })));
    }

    [Fact]
    public void SoftHalt_AfterAnEntry_LetsItsExitThrough_Flatten_ExitsAtOnce()
    {
        var flags = new SwitchingFlags();
        List<Signal> normal = Replay(Engine(new StaticOpsFlags()));
        Signal firstEntry = normal.First(s => s.Action == SignalAction.Entry);
        Signal firstExit = normal.First(s => s.Action == SignalAction.Exit);

        flags.From = (firstEntry.Timestamp.UtcDateTime.AddHours(4), OpsFlags.Normal with { SoftHalt = true });
        List<Signal> halted = Replay(Engine(flags));
        Assert.Equal([firstEntry, firstExit], halted);

        flags.From = (firstEntry.Timestamp.UtcDateTime.AddHours(8), OpsFlags.Normal with { Flatten = true });
        List<Signal> flattened = Replay(Engine(flags));
        Assert.Equal(2, flattened.Count);
        Assert.Equal(("flatten", firstEntry.Timestamp.AddHours(8)), (flattened[1].Reason, flattened[1].Timestamp));
        Assert.Equal(firstEntry.Legs.Select(l => l.Quantity), flattened[1].Legs.Select(l => l.Quantity));
        Assert.NotEqual(firstEntry.Legs[0].Side, flattened[1].Legs[0].Side);
    }

    [Fact]
    public void UnreadableFlags_FailSafeToSoftHalt()
    {
        PairEngine engine = Engine(new SwitchingFlags { Throws = true });
        Assert.DoesNotContain(Replay(engine), s => s.Action == SignalAction.Entry);
        Assert.Equal(OpsFlags.FailSafe, engine.LastFlags);
    }

    [Fact]
    public void LeverageScale_ScalesNewEntries()
    {
        Signal full = Replay(Engine(new StaticOpsFlags())).First(s => s.Action == SignalAction.Entry);
        Signal half = Replay(Engine(new StaticOpsFlags { Flags = OpsFlags.Normal with { LeverageScale = 0.5 } })).First(s => s.Action == SignalAction.Entry);

        Assert.Equal((full.Id, 0.5), (half.Id, half.PositionScale));
        Numeric.AssertClose(full.Legs[0].Quantity / 2, half.Legs[0].Quantity, rel: 1e-12);
    }

    [Fact]
    public void DrawdownLevels_ScaleThenHaltNewEntries()
    {
        PairEngine normal = Engine(new StaticOpsFlags());
        List<Signal> signals = Replay(normal);
        Trade firstLoss = normal.Trades.First(t => t.Pnl < 0);

        // Any drawdown at all: after the first loss, entries trade at the warn scale…
        List<Signal> warned = Replay(Engine(new StaticOpsFlags(), new DrawdownLevels { Warn = 1e-9, WarnScale = 0.25, Halt = 1, Flatten = 1 }));
        Assert.Contains(warned, s => s.Action == SignalAction.Entry && s.PositionScale == 0.25 && s.Timestamp.UtcDateTime > firstLoss.ExitTime);

        // …or not at all.
        List<Signal> halted = Replay(Engine(new StaticOpsFlags(), new DrawdownLevels { Warn = 1e-9, Halt = 1e-9, Flatten = 1 }));
        Assert.DoesNotContain(halted, s => s.Action == SignalAction.Entry && s.Timestamp.UtcDateTime > firstLoss.ExitTime);
        Assert.True(signals.Count > halted.Count);
    }

    [Fact]
    public async Task DrawdownGuard_RaisesEachLevelOnceInBothStores_PerPairAndGlobal_AndTheEnginesObeyThem()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        var fast = new MemoryFlagStore("fast");
        var durable = new MemoryFlagStore("durable");
        var flags = new LiveOpsFlags(fast, durable);
        Assert.True(await flags.RefreshAsync(CancellationToken.None));
        var tight = new DrawdownLevels { Warn = 1e-9, WarnScale = 0.5, Halt = 1e-9, Flatten = 1 };
        var guard = new DrawdownGuard(new DrawdownPolicy(DrawdownLevels.None, tight), flags);
        PairEngine engine = Engine(flags);      // no per-pair levels of its own: only what the guard raises globally
        var signals = new List<Signal>();
        DateTime? raisedAt = null;
        for (int i = 0; i < a.Count; i++)
        {
            engine.Add(PairLeg.A, a[i], signals);
            engine.Add(PairLeg.B, b[i], signals);
            await guard.CheckAsync([engine], CancellationToken.None);
            raisedAt ??= fast.Raises.Count > 0 ? engine.Watermark : null;
        }

        // The first loss marked to market halts everything, once, in both stores, with the reason; no entry after it.
        var raise = Assert.Single(fast.Raises);
        Assert.Equal((OpsFlagTable.Any, OpsFlagTable.Any, new OpsFlags(true, false, false, 1.0)), (raise.ModelId, raise.PairId, raise.Flags));
        Assert.StartsWith("dd_policy: global drawdown", raise.Actor, StringComparison.Ordinal);
        Assert.Single(durable.Raises);
        Assert.True(guard.PortfolioDrawdown > 0);
        Assert.NotNull(raisedAt);
        Assert.Contains(signals, s => s.Action == SignalAction.Entry);
        Assert.DoesNotContain(signals, s => s.Action == SignalAction.Entry && s.Timestamp.UtcDateTime > raisedAt);

        // Per pair: the pair's own entry, at the warn scale and halt; a store that is down is raised again later.
        var pairFast = new MemoryFlagStore("fast") { Down = true };
        var pairFlags = new LiveOpsFlags(pairFast);
        var pairGuard = new DrawdownGuard(new DrawdownPolicy(tight with { Halt = 1 }, DrawdownLevels.None), pairFlags);
        PairEngine second = Engine(new StaticOpsFlags());
        pairFast.Down = false;
        Assert.True(await pairFlags.RefreshAsync(CancellationToken.None));
        pairFast.Down = true;
        for (int i = 0; i < a.Count && pairFast.Raises.Count == 0; i++)
        {
            second.Add(PairLeg.A, a[i], signals);
            second.Add(PairLeg.B, b[i], signals);
            await pairGuard.CheckAsync([second], CancellationToken.None);
            if (pairFlags.Current!.Entries.Count > 0 && pairFast.Down)
            {
                pairFast.Down = false;
                Assert.True(await pairFlags.RefreshAsync(CancellationToken.None));       // the raise was not stored: gone from the table…
            }
        }

        var pairRaise = Assert.Single(pairFast.Raises);                                 // …and raised again
        Assert.Equal(("synthetic-h4", "A-B", new OpsFlags(false, false, false, 0.5)), (pairRaise.ModelId, pairRaise.PairId, pairRaise.Flags));
    }

    [Fact]
    public void StaleBars_AreFinal_ButBlockEntries()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        PairEngine engine = Engine(new StaticOpsFlags());
        var signals = new List<Signal>();
        int live = 1_500;
        for (int i = 0; i < live; i++)
        {
            engine.Add(PairLeg.A, a[i], signals);
            engine.Add(PairLeg.B, b[i], signals);
        }

        // Leg A stops; leg B goes on and the clock passes stale_after (two bars) each time.
        DateTime before = engine.Watermark;
        for (int i = live; i < live + 40; i++)
        {
            engine.Add(PairLeg.B, b[i], signals);
            engine.Expire(b[i].Time, signals);
        }

        Assert.True(engine.Watermark > before);
        Assert.DoesNotContain(signals, s => s.Action == SignalAction.Entry && s.Timestamp.UtcDateTime > before);
    }

    [Fact]
    public void VolatilityTarget_ScalesByTheSpreadsVolatility()
    {
        var scaler = new VolatilityTargetScaler(0.002, minScale: 0.2);
        double[] features = new double[17];
        features[(int)Features.PairFeature.AtrSpread] = 0.004;
        Assert.Equal(0.5, scaler.Scale(features, 0.8, 0.1));
        features[(int)Features.PairFeature.AtrSpread] = 0.001;
        Assert.Equal(1.0, scaler.Scale(features, 0.8, 0.1));
        features[(int)Features.PairFeature.AtrSpread] = 0.1;
        Assert.Equal(0.2, scaler.Scale(features, 0.8, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTargetScaler(double.NaN));
    }

    [Fact]
    public void BadInput_IsATypedError_AndTheEngineGoesOn()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        PairEngine engine = Engine(new StaticOpsFlags());
        var signals = new List<Signal>();
        engine.Add(PairLeg.A, a[0], signals);
        Assert.Throws<AlignmentOrderException>(() => engine.Add(PairLeg.A, a[0], signals));
        ArgumentException nan = Assert.Throws<ArgumentException>(() => engine.Add(PairLeg.B, b[0] with { Close = double.NaN }, signals));
        Assert.Contains("B", nan.Message, StringComparison.Ordinal);
        engine.Add(PairLeg.B, b[0], signals);
        Assert.Equal(a[0].Time, engine.Watermark);
    }

    [Fact]
    public void APredictionOnlyKind_CannotDriveATradingEngine() =>
        Assert.Throws<ArgumentException>(() => new PairEngine(new PredictionOnly(), new PairEngineOptions
        {
            ModelId = "m", PairId = "p", LegA = new Sizing.InstrumentSpec { Symbol = "A", QuoteCurrency = "USD" }, LegB = new Sizing.InstrumentSpec { Symbol = "B", QuoteCurrency = "USD" }, Timeframe = TimeSpan.FromHours(4),
        }));

    private sealed class PredictionOnly : IPredictor
    {
        public string ModelVersion => "20261207_0930_abcdef1";

        public int OutputCount => 3;

        public Features.PairFeatureOptions FeatureWindows { get; } = new();

        public TradingOutputs? Trading => null;

        public void PrepareInput(ReadOnlySpan<double> features, Span<double> input) => features.CopyTo(input);

        public void Predict(ReadOnlySpan<double> input, Span<double> output) => output.Fill(1.0 / 3);

        public void PostProcess(Span<double> output)
        {
        }
    }

    // Flags that change at a bar time, or that cannot be read.
    private sealed class SwitchingFlags : IOpsFlagSource
    {
        public (DateTime Time, OpsFlags Flags)? From { get; set; }

        public bool Throws { get; init; }

        public OpsFlags Read(string modelId, string pairId, DateTime barTime) => Throws
            ? throw new IOException("flag store unreachable")
            : From is { } f && barTime >= f.Time ? f.Flags : OpsFlags.Normal;
    }
}
