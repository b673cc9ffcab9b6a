using System.Collections.Immutable;
using Alpha.Features;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Sizing;

namespace Alpha.Inference;

/// <summary>
/// The per-pair engine of DESIGN.md § 6: bars of either leg in any interleaving → incremental alignment → final bar →
/// incremental features (reset at each segment) → the predictor (scaled input, AI1/AI2, calibration) at candidate
/// bars only → the shared decision rule and <see cref="PositionMachine"/> → beta-neutral sizing → an entry or exit
/// <see cref="Signal"/>, or nothing. Replaying a pair's bars yields exactly the backtest's trades for the same version,
/// data and θ (with no drawdown levels, full position scale and normal flags).
/// </summary>
/// <remarks>
/// <para>Warm-up: nothing is emitted before every feature is ready; a restored engine replays its segment's bars up to
/// the checkpoint's watermark without deciding. Staleness: a bar finalised by <see cref="Expire"/> (a leg did not
/// arrive within <c>stale_after</c>) blocks entries. Operator flags are read once per bar; if they cannot be read the
/// engine fails safe to a soft halt. Drawdown levels act on the engine's equity marked to market at each close.</para>
/// <para>An entry decided at the last bar of a segment is cancelled when the next bar lies in another segment (its
/// signal expires at <c>valid_until</c>); a position open when its segment splits exits at the next segment's first
/// bar (<c>segment_split</c>). Steady state allocates nothing; a bar that emits allocates its signal.</para>
/// </remarks>
public sealed class PairEngine
{
    private readonly PairEngineOptions _options;
    private readonly IPredictor _predictor;
    private readonly TradingOutputs _trading;
    private readonly PairAlignmentState _aligner;
    private readonly PairFeatureState _features;
    private readonly PositionMachine _machine;
    private readonly TimeSpan _staleAfter;
    private readonly double[] _row = new double[FeatureNames.Count];
    private readonly double[] _input = new double[FeatureNames.Count];
    private readonly double[] _output;
    private readonly List<Trade> _trades = [];
    private int _indexBase;
    private int _segmentBase;
    private int _processed;
    private int _segmentStartIndex;
    private bool _restored;
    private DateTime _warmUntil = DateTime.MinValue;
    private DateTime _historyStart = DateTime.MinValue;
    private int _expectedWatermarkIndex = -1;
    private double _entryReturnProb = double.NaN;
    private double _entryRiskScore = double.NaN;
    private double _peak;

    /// <summary>Creates a flat engine at the start of its data.</summary>
    /// <exception cref="ArgumentException">The predictor is prediction-only, or an option is invalid.</exception>
    public PairEngine(IPredictor predictor, PairEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(options);
        _trading = predictor.Trading ?? throw new ArgumentException($"Version {predictor.ModelVersion} is prediction-only; a pair engine needs a trading kind (return_prob, risk_score, θ).", nameof(predictor));
        options.Drawdown.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelId, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PairId, nameof(options));
        _options = options;
        _predictor = predictor;
        _output = new double[Math.Max(2, predictor.OutputCount)];
        TradingRules rules = _trading.Rules with { RiskPerTrade = options.RiskPerTrade, MaxLeverage = options.MaxLeverage };
        _machine = new PositionMachine(rules, options.LegA, options.LegB, options.Costs, options.StartingEquity);
        _aligner = new PairAlignmentState(options.LegA.Symbol, options.LegB.Symbol, options.Timeframe, options.Alignment);
        _features = new PairFeatureState(predictor.FeatureWindows);
        _staleAfter = options.StaleAfter ?? (2 * options.Timeframe);
        _peak = Equity = options.StartingEquity;
    }

    /// <summary>The model version served.</summary>
    public string ModelVersion => _predictor.ModelVersion;

    /// <summary>The engine's settings (model, pair, legs, sizing, controls).</summary>
    public PairEngineOptions Options => _options;

    /// <summary>The rules the engine trades by (the version's, with the options' sizing).</summary>
    public TradingRules Rules => _machine.Rules;

    /// <summary>The last final bar processed (UTC), or <see cref="DateTime.MinValue"/>.</summary>
    public DateTime Watermark { get; private set; } = DateTime.MinValue;

    /// <summary>The index of that bar on the engine's axis (−1 before the first).</summary>
    public int WatermarkIndex { get; private set; } = -1;

    /// <summary>The current (last started) segment, or −1.</summary>
    public int Segment { get; private set; } = -1;

    /// <summary>The first bar of the current segment (UTC).</summary>
    public DateTime SegmentStart { get; private set; }

    /// <summary>Whether every feature was ready at the last bar.</summary>
    public bool IsWarm { get; private set; }

    /// <summary>Whether a leg of the last final bar was stale (finalised by <see cref="Expire"/> before it arrived).</summary>
    public bool LastBarStale { get; private set; }

    /// <summary>Whether the model ran at the last bar (a candidate the flags and drawdown levels let through).</summary>
    public bool LastScored { get; private set; }

    /// <summary>
    /// The paper equity at the last close, in the account currency: the starting equity before the first bar, and NaN
    /// after <see cref="Restore"/> until the first bar decided after the checkpoint (an open position has no price before).
    /// </summary>
    public double Equity { get; private set; }

    /// <summary>The running peak of that equity (restored with a checkpoint), in the account currency.</summary>
    public double EquityPeak => _peak;

    /// <summary>The drawdown of that equity from its running peak, as a fraction of the peak.</summary>
    /// <value>0 while <see cref="Equity"/> is NaN.</value>
    public double Drawdown => _peak > 0 && !double.IsNaN(Equity) ? Math.Max(0, 1 - (Equity / _peak)) : 0;

    /// <summary>
    /// The flags of the last bar: the operator's (<see cref="OpsFlags.FailSafe"/> when they could not be read) combined with
    /// those the drawdown levels raise at the engine's drawdown.
    /// </summary>
    public OpsFlags LastFlags { get; private set; } = OpsFlags.Normal;

    /// <summary>Whether a position is open.</summary>
    public bool HasPosition => _machine.Position is not null;

    /// <summary>The position machine's state (open position, pending entry or exit, cash).</summary>
    public PositionState Position => _machine.Snapshot();

    /// <summary>The engine's paper trades, completed, in order.</summary>
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>Takes a bar of one leg; the signals of every bar it makes final are added to <paramref name="signals"/>.</summary>
    /// <param name="leg">The leg the bar belongs to.</param>
    /// <param name="bar">The bar (UTC open time).</param>
    /// <param name="signals">Receives the entry and exit signals, in bar order.</param>
    /// <param name="scores">When given, receives the model's inputs and probabilities at every bar it scored (a host's live scores).</param>
    /// <exception cref="AlignmentOrderException">The bar is not after its leg's previous bar.</exception>
    /// <exception cref="InvalidDataException">After <see cref="Restore"/>, the history does not reproduce the checkpoint.</exception>
    public void Add(PairLeg leg, in Bar bar, ICollection<Signal> signals, ICollection<LiveScore>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (bar.Time < _historyStart)
        {
            return;     // before the checkpoint's segment: warm-up starts at the segment start
        }

        _aligner.Add(leg, bar);
        Drain(signals, scores);
    }

    /// <summary>Finalises bars a lagging leg has not reached within <c>stale_after</c> of <paramref name="now"/> (live).</summary>
    /// <param name="now">The current time (UTC).</param>
    /// <param name="signals">Receives the signals of the bars finalised.</param>
    /// <param name="scores">When given, receives the live scores of the bars finalised.</param>
    public void Expire(DateTime now, ICollection<Signal> signals, ICollection<LiveScore>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        _aligner.Expire(now - _staleAfter);
        Drain(signals, scores);
    }

    /// <summary>The engine's state, to save after the bars processed so far.</summary>
    public EngineCheckpoint Checkpoint() => new(
        _options.ModelId, _options.PairId, ModelVersion, Watermark, WatermarkIndex, Segment, SegmentStart, _segmentStartIndex,
        _machine.Snapshot(), _entryReturnProb, _entryRiskScore, _peak);

    /// <summary>
    /// Restores a checkpoint into a fresh engine. Then feed both legs' bars from <see cref="EngineCheckpoint.SegmentStart"/>
    /// on: bars up to the watermark rebuild the features without deciding; later bars continue exactly where it stopped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine has already processed bars.</exception>
    /// <exception cref="ArgumentException">The checkpoint belongs to another model or pair, or its state is invalid.</exception>
    public void Restore(EngineCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_processed > 0 || _restored)
        {
            throw new InvalidOperationException("Restore a checkpoint into a fresh engine, before any bar.");
        }

        if (checkpoint.ModelId != _options.ModelId || checkpoint.PairId != _options.PairId)
        {
            throw new ArgumentException($"The checkpoint is of {checkpoint.ModelId} on {checkpoint.PairId}, not {_options.ModelId} on {_options.PairId}.", nameof(checkpoint));
        }

        if (checkpoint.Segment < 0 || checkpoint.SegmentStartIndex < 0 || checkpoint.WatermarkIndex < checkpoint.SegmentStartIndex || checkpoint.Watermark < checkpoint.SegmentStart || !(checkpoint.EquityPeak > 0))
        {
            throw new ArgumentException("The checkpoint's watermark, segment or equity peak is inconsistent.", nameof(checkpoint));
        }

        _machine.Restore(checkpoint.Position);
        _restored = true;
        _indexBase = checkpoint.SegmentStartIndex;
        _segmentBase = checkpoint.Segment;
        _historyStart = checkpoint.SegmentStart;
        _warmUntil = checkpoint.Watermark;
        _expectedWatermarkIndex = checkpoint.WatermarkIndex;
        (_entryReturnProb, _entryRiskScore, _peak) = (checkpoint.EntryReturnProb, checkpoint.EntryRiskScore, checkpoint.EquityPeak);
        Equity = double.NaN;
    }

    private void Drain(ICollection<Signal> signals, ICollection<LiveScore>? scores)
    {
        while (_aligner.TryTake(out AlignedBar bar))
        {
            Process(bar, signals, scores);
        }
    }

    private void Process(in AlignedBar b, ICollection<Signal> signals, ICollection<LiveScore>? scores)
    {
        int index = _indexBase + _processed++;
        int segment = b.Segment < 0 ? -1 : _segmentBase + b.Segment;
        if (_restored && index == _indexBase && b.Time != _historyStart)
        {
            throw new InvalidDataException($"{_options.ModelId} on {_options.PairId}: history must start at the checkpoint's segment start {_historyStart:O}; the first aligned bar is {b.Time:O}.");
        }

        IsWarm = LastScored = false;
        LastBarStale = b.Stale;
        if (segment >= 0)
        {
            if (segment != Segment)
            {
                _features.Reset();
                (Segment, SegmentStart, _segmentStartIndex) = (segment, b.Time, index);
            }

            IsWarm = _features.Update(new PairBar(b.HighA, b.LowA, b.CloseA, b.HighB, b.LowB, b.CloseB), _row);
        }

        (Watermark, WatermarkIndex) = (b.Time, index);
        if (b.Time <= _warmUntil)
        {
            if (b.Time == _warmUntil && index != _expectedWatermarkIndex)
            {
                throw new InvalidDataException($"{_options.ModelId} on {_options.PairId}: the history puts the checkpoint's watermark {_warmUntil:O} at bar {index}, not {_expectedWatermarkIndex}; it is not the history the checkpoint was taken on.");
            }

            return;     // warm-up after a restore: features only, the decisions were taken before
        }

        var bar = new TradingBar(index, b.Time, b.OpenA, b.CloseA, b.OpenB, b.CloseB, segment);
        SpreadPoint spread = IsWarm
            ? new SpreadPoint(true, _row[(int)PairFeature.Z], _row[(int)PairFeature.Speed], _features.Alpha, _features.Beta, _features.Sigma)
            : default;
        OpenPosition? held = _machine.Position;
        BarFills fills = _machine.AtOpen(bar);
        if (fills.Closed is Trade closed)
        {
            _trades.Add(closed);
            if (closed.ExitReason == ExitReason.SegmentSplit && held is not null)
            {
                signals.Add(ExitSignal(held, bar, ExitReason.SegmentSplit));
            }
        }

        Equity = _machine.Equity(b.CloseA, b.CloseB);
        _peak = Math.Max(_peak, Equity);
        LastFlags = ReadFlags(b.Time).Combine(_options.Drawdown.FlagsAt(Drawdown));
        if (LastFlags.HardHalt)
        {
            return;
        }

        Decide(bar, spread, b.Stale, signals, scores);
    }

    private void Decide(in TradingBar bar, in SpreadPoint spread, bool stale, ICollection<Signal> signals, ICollection<LiveScore>? scores)
    {
        bool flatten = LastFlags.Flatten;
        if (flatten && _machine.Position is { } position && _machine.Flatten())
        {
            signals.Add(ExitSignal(position, bar, ExitReason.Flatten));
        }

        bool allow = false;
        double scale = 1.0, returnProb = double.NaN, riskScore = double.NaN;
        bool entriesBlocked = flatten || LastFlags.SoftHalt || stale;
        if (!entriesBlocked && _machine.IsCandidate(bar, spread))
        {
            LastScored = true;
            _predictor.PrepareInput(_row, _input);
            _predictor.Predict(_input, _output);
            _predictor.PostProcess(_output);
            (returnProb, riskScore) = (_output[0], _output[1]);
            allow = DecisionRule.Enters(returnProb, riskScore, _trading.Theta1, _trading.Theta2);
            if (allow)
            {
                double scaled = _options.PositionScaler.Scale(_row, returnProb, riskScore) * LastFlags.LeverageScale;
                scale = Math.Clamp(scaled, double.Epsilon, 1.0);
            }
        }

        BarDecision decision = _machine.AtClose(bar, spread, allow, scale);
        if (LastScored)
        {
            scores?.Add(new LiveScore(_options.ModelId, _options.PairId, ModelVersion, bar.Time, [.. _input], returnProb, riskScore, decision == BarDecision.EntryDecided));
        }

        switch (decision)
        {
            case BarDecision.EntryDecided:
                (_entryReturnProb, _entryRiskScore) = (returnProb, riskScore);
                signals.Add(EntrySignal(_machine.PendingEntry!, bar));
                break;
            case BarDecision.ExitDecided:
                signals.Add(ExitSignal(_machine.Position!, bar, _machine.PendingExit!.Value));
                break;
        }
    }

    private OpsFlags ReadFlags(DateTime barTime)
    {
        try
        {
            OpsFlags flags = _options.OpsFlags.Read(_options.ModelId, _options.PairId, barTime);
            return flags.LeverageScale is > 0 and <= 1 ? flags : flags with { SoftHalt = true };
        }
#pragma warning disable CA1031 // any failure to read the flags fails safe to a soft halt (DESIGN.md § 6)
        catch (Exception)
#pragma warning restore CA1031
        {
            return OpsFlags.FailSafe;
        }
    }

    private Signal EntrySignal(PendingEntry entry, in TradingBar bar) => NewSignal(
        SignalAction.Entry, "return_prob_above_theta1_and_risk_score_below_theta2", bar,
        Leg(_options.LegA.Symbol, entry.QuantityA, entry.BetaWeightA), Leg(_options.LegB.Symbol, entry.QuantityB, entry.BetaWeightB),
        entry.Z, entry.PositionScale);

    // Closing legs: the opposite side of what is held, the same quantities.
    private Signal ExitSignal(OpenPosition position, in TradingBar bar, ExitReason reason)
    {
        PendingEntry e = position.Entry;
        return NewSignal(
            SignalAction.Exit, ReasonName(reason), bar,
            Leg(_options.LegA.Symbol, -e.QuantityA, e.BetaWeightA), Leg(_options.LegB.Symbol, -e.QuantityB, e.BetaWeightB),
            position.EntryFixedZ(bar.CloseA, bar.CloseB), e.PositionScale);
    }

    private Signal NewSignal(SignalAction action, string reason, in TradingBar bar, SignalLeg a, SignalLeg b, double z, double positionScale)
    {
        var time = new DateTimeOffset(DateTime.SpecifyKind(bar.Time, DateTimeKind.Utc));
        return new Signal
        {
            Id = SignalId.Of(_options.ModelId, _options.PairId, time, ModelVersion, action),
            ModelId = _options.ModelId,
            PairId = _options.PairId,
            Action = action,
            Reason = reason,
            Timestamp = time,
            ValidUntil = time + (2 * _options.Timeframe),
            Legs = ImmutableArray.Create(a, b),
            ZScore = z,
            ReturnProb = _entryReturnProb,
            RiskScore = _entryRiskScore,
            Theta1 = _trading.Theta1,
            Theta2 = _trading.Theta2,
            PositionScale = positionScale,
            ModelVersion = ModelVersion,
        };
    }

    private static SignalLeg Leg(string symbol, double signedQuantity, double betaWeight) =>
        new(symbol, signedQuantity > 0 ? LegSide.Buy : LegSide.Sell, betaWeight, Math.Abs(signedQuantity));

    /// <summary>The <c>reason</c> an exit signal carries.</summary>
    internal static string ReasonName(ExitReason reason) => reason switch
    {
        ExitReason.Reversion => "exit_z",
        ExitReason.Stop => "stop",
        ExitReason.MaxHolding => "max_holding",
        ExitReason.SegmentSplit => "segment_split",
        ExitReason.Flatten => "flatten",
        _ => "end_of_data",
    };
}
