using Alpha.Sizing;

namespace Alpha.Backtesting;

/// <summary>
/// How one trade opens, is judged at each close, and closes — shared by the portfolio simulation and the
/// stand-alone candidate trades, so both price a trade identically.
/// </summary>
internal sealed class TradeMechanics
{
    private readonly PairMarket _market;
    private readonly SpreadSeries _spread;
    private readonly BacktestOptions _options;
    private readonly BarClock _clock = new();
    private readonly BetaNeutralSizer _sizer;

    public TradeMechanics(PairMarket market, SpreadSeries spread, BacktestOptions options)
    {
        _market = market;
        _spread = spread;
        _options = options;
        _sizer = new BetaNeutralSizer(options.LegA, options.LegB, options.LegA.QuoteCurrency, _clock);
    }

    /// <summary>Whether bar t is a candidate entry (ready, |z| in the entry band, speed under the limit, a fill bar in the same segment).</summary>
    public bool IsCandidate(int t)
    {
        int fill = t + 1 + _options.EntryDelayBars;
        if (!_spread.ReadyArray[t] || fill >= _market.Count || _market.SegmentArray[fill] != _market.SegmentArray[t])
        {
            return false;
        }

        double absZ = Math.Abs(_spread.ZArray[t]);
        return absZ >= _options.EntryZ && absZ <= _options.EntryMaxZ && _spread.SpeedArray[t] <= _options.MaxSpeed;
    }

    /// <summary>The bar whose open fills a decision taken at <paramref name="decision"/>'s close.</summary>
    public int FillBar(int decision) => decision + 1 + _options.EntryDelayBars;

    /// <summary>Opens the position decided at <paramref name="decision"/>, filled at <paramref name="fill"/>'s open, sized from <paramref name="equity"/>; null when sizing rejects it.</summary>
    public Position? Open(int decision, int fill, double equity, double scale)
    {
        double z = _spread.ZArray[decision];
        double beta = _spread.BetaArray[decision];
        double sigma = _spread.SigmaArray[decision];
        double notionalA = _options.RiskPerTrade * equity / ((_options.StopZ - Math.Abs(z)) * sigma);
        double cap = _options.MaxLeverage * equity / (1 + Math.Abs(beta));
        int direction = -Math.Sign(z);
        _clock.Now = _market.TimeArray[fill];
        SizingResult sized = _sizer.Size(new SizingRequest(Math.Min(notionalA, cap), direction, beta, _market.A[0][fill], _market.B[0][fill], PositionScale: scale));
        if (!sized.IsOrder)
        {
            return null;
        }

        SizedLeg a = sized.LegA!, b = sized.LegB!;
        double costs = (_options.Costs.FillCost(a.Symbol, _clock.Now) * a.Notional) + (_options.Costs.FillCost(b.Symbol, _clock.Now) * b.Notional);
        return new Position(
            decision, fill, direction, z, _spread.AlphaArray[decision], beta, sigma,
            (a.Side == TradeSide.Buy ? 1 : -1) * a.Quantity, (b.Side == TradeSide.Buy ? 1 : -1) * b.Quantity,
            a.Price, b.Price, a.Notional, b.Notional, costs, equity);
    }

    /// <summary>The exit decided at bar t's close on the entry-fixed z, or null to keep holding.</summary>
    public ExitReason? ExitAtClose(Position position, int t)
    {
        double held = Math.Abs((Math.Log(_market.A[3][t]) - position.Alpha - (position.Beta * Math.Log(_market.B[3][t]))) / position.Sigma);
        return held <= _options.ExitZ ? ExitReason.Reversion
            : held >= _options.StopZ ? ExitReason.Stop
            : t - position.DecisionBar >= _options.MaxHoldingBars ? ExitReason.MaxHolding
            : null;
    }

    /// <summary>Whether bar t is the last of its segment (or of the data): an open position must close at its close.</summary>
    public bool IsLastOfSegment(int t) => t + 1 == _market.Count || _market.SegmentArray[t + 1] != _market.SegmentArray[t];

    /// <summary>Closes at the given prices: the trade, and the cash it returns (gross P&amp;L less exit and holding costs).</summary>
    public (Trade Trade, double Cash) Close(Position p, int bar, double priceA, double priceB, ExitReason reason)
    {
        DateTime time = _market.TimeArray[bar];
        double gross = p.Unrealized(priceA, priceB);
        double days = (time - _market.TimeArray[p.EntryBar]).TotalDays;
        double exitCosts = (_options.Costs.FillCost(_options.LegA.Symbol, time) * Math.Abs(p.QuantityA) * priceA)
            + (_options.Costs.FillCost(_options.LegB.Symbol, time) * Math.Abs(p.QuantityB) * priceB)
            + (_options.Costs.HoldingCost(_options.LegA.Symbol, days) * p.NotionalA)
            + (_options.Costs.HoldingCost(_options.LegB.Symbol, days) * p.NotionalB);
        double pnl = gross - exitCosts - p.EntryCosts;
        var trade = new Trade(
            p.DecisionBar, p.EntryBar, bar, _market.TimeArray[p.EntryBar], time, p.Direction, p.EntryZ, p.Beta,
            Math.Abs(p.QuantityA), Math.Abs(p.QuantityB), p.EntryPriceA, p.EntryPriceB, priceA, priceB,
            p.EntryCosts + exitCosts, pnl, pnl / p.EquityAtEntry, reason);
        return (trade, gross - exitCosts);
    }

    /// <summary>An open position; quantities signed (positive long).</summary>
    internal sealed record Position(
        int DecisionBar, int EntryBar, int Direction, double EntryZ, double Alpha, double Beta, double Sigma,
        double QuantityA, double QuantityB, double EntryPriceA, double EntryPriceB, double NotionalA, double NotionalB,
        double EntryCosts, double EquityAtEntry)
    {
        public double Unrealized(double priceA, double priceB) =>
            (QuantityA * (priceA - EntryPriceA)) + (QuantityB * (priceB - EntryPriceB));
    }
}
