using Alpha.Sizing;

namespace Alpha.Signals;

/// <summary>
/// The position state machine of DESIGN.md § 6 — flat → entry decided at a bar's close → filled at the next open →
/// exit decided on the entry-fixed z → filled at the next open — in one place for the backtest and the live engine.
/// Call <see cref="AtOpen"/> and then <see cref="AtClose"/> for every bar of the aligned axis, in order.
/// </summary>
/// <remarks>
/// <para><b>Candidates</b> (<see cref="IsCandidate"/>): flat with nothing pending, a bar in a segment, ready, with
/// EntryZ ≤ |z| ≤ EntryMaxZ and speed ≤ MaxSpeed. Whether the fill bar will lie in the same segment is not looked at
/// (live cannot know); an entry whose fill bar turns out to lie in another segment is cancelled.</para>
/// <para><b>Sizing at the decision</b>: leg A's notional = RiskPerTrade · equity / ((StopZ − |z|) · σ), capped so the
/// gross notional stays within MaxLeverage · equity, times the position scale; leg B beta-neutral through
/// <see cref="BetaNeutralSizer"/>, all at the decision bar's close prices. The fill at the next open keeps those
/// quantities and pays costs on its own prices.</para>
/// <para><b>Exits</b>, decided at a close in the position's segment: |z^t| ≤ ExitZ (reversion), |z^t| ≥ StopZ
/// (stop), or MaxHoldingBars after the decision bar. A position whose segment splits is closed at the open of the
/// first bar of the next segment (<see cref="ExitReason.SegmentSplit"/>), or of the exit already decided; bars in no
/// segment decide nothing. Cash is realised equity; mark to market with <see cref="Equity"/>.</para>
/// </remarks>
public sealed class PositionMachine
{
    private readonly InstrumentSpec _legA;
    private readonly InstrumentSpec _legB;
    private readonly CostModel _costs;
    private readonly BarClock _clock = new();
    private readonly BetaNeutralSizer _sizer;

    /// <summary>Creates a flat machine.</summary>
    /// <param name="rules">The trading rules (validated).</param>
    /// <param name="legA">Leg A's instrument (symbol for costs, lot steps and minimums).</param>
    /// <param name="legB">Leg B's instrument, quoted in leg A's quote currency (the account currency).</param>
    /// <param name="costs">Costs per leg and side, and swap.</param>
    /// <param name="startingEquity">Starting equity in the account currency (finite, positive).</param>
    /// <exception cref="ArgumentException">A rule or instrument is invalid, the legs are quoted in different currencies, or the equity is not positive.</exception>
    public PositionMachine(TradingRules rules, InstrumentSpec legA, InstrumentSpec legB, CostModel costs, double startingEquity)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(legA);
        ArgumentNullException.ThrowIfNull(legB);
        ArgumentNullException.ThrowIfNull(costs);
        rules.Validate();
        legA.Validate();
        legB.Validate();
        if (legA.QuoteCurrency != legB.QuoteCurrency)
        {
            throw new ArgumentException($"Both legs must be quoted in one currency (the account currency); {legA.Symbol} is in {legA.QuoteCurrency}, {legB.Symbol} in {legB.QuoteCurrency}.", nameof(legB));
        }

        if (!double.IsFinite(startingEquity) || startingEquity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startingEquity), startingEquity, "Starting equity must be finite and positive.");
        }

        Rules = rules;
        _legA = legA;
        _legB = legB;
        _costs = costs;
        _sizer = new BetaNeutralSizer(legA, legB, legA.QuoteCurrency, _clock);
        Cash = startingEquity;
    }

    /// <summary>The rules.</summary>
    public TradingRules Rules { get; }

    /// <summary>Realised equity, in the account currency.</summary>
    public double Cash { get; private set; }

    /// <summary>The open position, or null.</summary>
    public OpenPosition? Position { get; private set; }

    /// <summary>An entry decided and not yet filled, or null.</summary>
    public PendingEntry? PendingEntry { get; private set; }

    /// <summary>An exit decided and not yet filled, or null.</summary>
    public ExitReason? PendingExit { get; private set; }

    /// <summary>Why sizing refused the last rejected entry (<see cref="BarDecision.EntryRejected"/>), or null.</summary>
    public SizingResult? LastRejection { get; private set; }

    /// <summary>Whether the machine is flat with nothing pending.</summary>
    public bool IsFlat => Position is null && PendingEntry is null;

    /// <summary>Equity marked to market at the given prices.</summary>
    public double Equity(double priceA, double priceB) => Cash + (Position?.Unrealized(priceA, priceB) ?? 0);

    /// <summary>Whether the bar's close is a candidate entry (see the remarks); only then does the model's decision matter.</summary>
    public bool IsCandidate(in TradingBar bar, in SpreadPoint spread)
    {
        if (!IsFlat || bar.Segment < 0 || !spread.Ready)
        {
            return false;
        }

        double absZ = Math.Abs(spread.Z);
        return absZ >= Rules.EntryZ && absZ <= Rules.EntryMaxZ && spread.Speed <= Rules.MaxSpeed;
    }

    /// <summary>Fills at the bar's open what earlier closes decided: a pending exit (or a split's), then a pending entry.</summary>
    public BarFills AtOpen(in TradingBar bar)
    {
        Trade? closed = null;
        if (Position is { } position && bar.Segment >= 0 && (bar.Segment != position.Entry.Segment || PendingExit is not null))
        {
            closed = Close(position, bar.Index, bar.Time, bar.OpenA, bar.OpenB, PendingExit ?? ExitReason.SegmentSplit);
        }

        OpenPosition? opened = null;
        PendingEntry? cancelled = null;
        if (PendingEntry is { } entry)
        {
            if (bar.Segment != entry.Segment)
            {
                cancelled = entry;
                PendingEntry = null;
            }
            else if (bar.Index >= entry.FillBar)
            {
                opened = Fill(entry, bar);
            }
        }

        return new BarFills(closed, opened, cancelled);
    }

    /// <summary>Decides at the bar's close: an exit of the open position, or an entry at a candidate bar.</summary>
    /// <param name="bar">The bar.</param>
    /// <param name="spread">Its features.</param>
    /// <param name="allow">The model's decision for a candidate entry (ignored elsewhere).</param>
    /// <param name="positionScale">The position scale of an entry, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The position scale is outside (0, 1] at an allowed candidate.</exception>
    public BarDecision AtClose(in TradingBar bar, in SpreadPoint spread, bool allow, double positionScale = 1.0)
    {
        if (Position is { } position)
        {
            if (PendingExit is null && bar.Segment == position.Entry.Segment && ExitAtClose(position, bar) is ExitReason reason)
            {
                PendingExit = reason;
                return BarDecision.ExitDecided;
            }

            return BarDecision.None;
        }

        if (!IsCandidate(bar, spread))
        {
            return BarDecision.None;
        }

        if (!allow)
        {
            return BarDecision.EntryDeclined;
        }

        if (!(positionScale > 0 && positionScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(positionScale), positionScale, "The position scale must lie in (0, 1].");
        }

        return Decide(bar, spread, positionScale);
    }

    /// <summary>
    /// Flatten: the open position exits at the next open (<see cref="ExitReason.Flatten"/>) unless an exit is already
    /// pending, and a pending entry is dropped. Returns whether an exit was newly decided.
    /// </summary>
    public bool Flatten()
    {
        PendingEntry = null;
        if (Position is null || PendingExit is not null)
        {
            return false;
        }

        PendingExit = ExitReason.Flatten;
        return true;
    }

    /// <summary>Closes the open position at the bar's close (<see cref="ExitReason.EndOfData"/>): how a backtest ends; null when flat.</summary>
    public Trade? CloseAtEnd(in TradingBar bar)
    {
        PendingEntry = null;
        return Position is { } position ? Close(position, bar.Index, bar.Time, bar.CloseA, bar.CloseB, ExitReason.EndOfData) : null;
    }

    /// <summary>The machine's state, for a checkpoint.</summary>
    public PositionState Snapshot() => new(Cash, Position, PendingEntry, PendingExit);

    /// <summary>Restores a checkpoint taken with <see cref="Snapshot"/>.</summary>
    /// <exception cref="ArgumentException">The cash is not finite and positive, or an exit is pending without a position.</exception>
    public void Restore(PositionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!double.IsFinite(state.Cash) || state.Cash <= 0)
        {
            throw new ArgumentException($"Cash {state.Cash} is not finite and positive.", nameof(state));
        }

        if (state.PendingExit is not null && state.Position is null)
        {
            throw new ArgumentException("An exit is pending but no position is open.", nameof(state));
        }

        (Cash, Position, PendingEntry, PendingExit) = (state.Cash, state.Position, state.PendingEntry, state.PendingExit);
    }

    private ExitReason? ExitAtClose(OpenPosition position, in TradingBar bar)
    {
        double held = Math.Abs(position.EntryFixedZ(bar.CloseA, bar.CloseB));
        return held <= Rules.ExitZ ? ExitReason.Reversion
            : held >= Rules.StopZ ? ExitReason.Stop
            : bar.Index - position.Entry.DecisionBar >= Rules.MaxHoldingBars ? ExitReason.MaxHolding
            : null;
    }

    private BarDecision Decide(in TradingBar bar, in SpreadPoint spread, double positionScale)
    {
        double equity = Cash;
        double notionalA = Rules.RiskPerTrade * equity / ((Rules.StopZ - Math.Abs(spread.Z)) * spread.Sigma);
        double cap = Rules.MaxLeverage * equity / (1 + Math.Abs(spread.Beta));
        int direction = -Math.Sign(spread.Z);
        _clock.Now = bar.Time;
        SizingResult sized = _sizer.Size(new SizingRequest(Math.Min(notionalA, cap), direction, spread.Beta, bar.CloseA, bar.CloseB, PositionScale: positionScale));
        if (!sized.IsOrder)
        {
            LastRejection = sized;
            return BarDecision.EntryRejected;
        }

        SizedLeg a = sized.LegA!, b = sized.LegB!;
        PendingEntry = new PendingEntry(
            bar.Index, bar.Time, bar.Index + 1 + Rules.EntryDelayBars, bar.Segment, direction, spread.Z, spread.Alpha, spread.Beta, spread.Sigma,
            Signed(a), Signed(b), a.BetaWeight, b.BetaWeight, positionScale, equity);
        return BarDecision.EntryDecided;
    }

    private OpenPosition Fill(PendingEntry entry, in TradingBar bar)
    {
        double costs = (_costs.FillCost(_legA.Symbol, bar.Time) * Math.Abs(entry.QuantityA) * bar.OpenA)
            + (_costs.FillCost(_legB.Symbol, bar.Time) * Math.Abs(entry.QuantityB) * bar.OpenB);
        var position = new OpenPosition(entry, bar.Index, bar.Time, bar.OpenA, bar.OpenB, costs);
        Position = position;
        PendingEntry = null;
        Cash -= costs;
        return position;
    }

    private Trade Close(OpenPosition p, int bar, DateTime time, double priceA, double priceB, ExitReason reason)
    {
        PendingEntry e = p.Entry;
        double gross = p.Unrealized(priceA, priceB);
        double days = (time - p.EntryTime).TotalDays;
        double exitCosts = (_costs.FillCost(_legA.Symbol, time) * Math.Abs(e.QuantityA) * priceA)
            + (_costs.FillCost(_legB.Symbol, time) * Math.Abs(e.QuantityB) * priceB)
            + (_costs.HoldingCost(_legA.Symbol, days) * p.NotionalA)
            + (_costs.HoldingCost(_legB.Symbol, days) * p.NotionalB);
        double pnl = gross - exitCosts - p.EntryCosts;
        Cash += gross - exitCosts;
        Position = null;
        PendingExit = null;
        return new Trade(
            e.DecisionBar, p.EntryBar, bar, p.EntryTime, time, e.Direction, e.Z, e.Beta,
            Math.Abs(e.QuantityA), Math.Abs(e.QuantityB), p.EntryPriceA, p.EntryPriceB, priceA, priceB,
            p.EntryCosts + exitCosts, pnl, pnl / e.Equity, reason);
    }

    private static double Signed(SizedLeg leg) => (leg.Side == TradeSide.Buy ? 1 : -1) * leg.Quantity;
}
