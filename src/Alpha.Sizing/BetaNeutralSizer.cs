namespace Alpha.Sizing;

/// <summary>
/// Sizes the two legs of a spread position so that notional_B ≈ β·notional_A in the account currency (DESIGN.md § 5
/// "Sizing"): leg A's quantity from the target notional × position scale, rounded toward zero to its lot step (with
/// Lean's 1e-6 tolerance); leg B's from β times leg A's actual notional, rounded the same way; prices on the tick
/// grid; both legs must meet their minimum lot and notional; a leg quoted in another currency needs an FX rate
/// younger than the staleness limit. Every failure is a <see cref="SizingResult"/> rejection, never an exception.
/// </summary>
public sealed class BetaNeutralSizer
{
    private readonly InstrumentSpec _a;
    private readonly InstrumentSpec _b;
    private readonly string _accountCurrency;
    private readonly TimeProvider _time;

    /// <summary>Creates a sizer for legs <paramref name="legA"/> and <paramref name="legB"/>.</summary>
    /// <param name="legA">Leg A's spec.</param>
    /// <param name="legB">Leg B's spec.</param>
    /// <param name="accountCurrency">The currency notionals are in.</param>
    /// <param name="timeProvider">The clock FX staleness is judged by (inject it; <see cref="TimeProvider.System"/> in production).</param>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <exception cref="ArgumentException">An invalid spec or currency.</exception>
    public BetaNeutralSizer(InstrumentSpec legA, InstrumentSpec legB, string accountCurrency, TimeProvider timeProvider, SizingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(legA);
        ArgumentNullException.ThrowIfNull(legB);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountCurrency);
        ArgumentNullException.ThrowIfNull(timeProvider);
        legA.Validate();
        legB.Validate();
        _a = legA;
        _b = legB;
        _accountCurrency = accountCurrency;
        _time = timeProvider;
        Options = options ?? new SizingOptions();
    }

    /// <summary>The settings.</summary>
    public SizingOptions Options { get; }

    /// <summary>A sizer for pair <paramref name="pairId"/> of <paramref name="universe"/>.</summary>
    /// <exception cref="KeyNotFoundException">The pair is not in the universe.</exception>
    public static BetaNeutralSizer ForPair(Universe universe, string pairId, TimeProvider timeProvider, SizingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(universe);
        (InstrumentSpec a, InstrumentSpec b) = universe.Legs(pairId);
        return new BetaNeutralSizer(a, b, universe.AccountCurrency, timeProvider, options);
    }

    /// <summary>The two legs for <paramref name="request"/>, or the reason there is no order.</summary>
    public SizingResult Size(in SizingRequest request)
    {
        if (!double.IsFinite(request.Beta) || request.Beta == 0)
        {
            return SizingResult.Reject(SizingRejection.InvalidBeta, $"β = {request.Beta} cannot hedge.");
        }

        if (!Usable(request.NotionalA) || !Usable(request.PositionScale) || !Usable(request.PriceA) || !Usable(request.PriceB) || request.Direction is not (1 or -1))
        {
            return SizingResult.Reject(SizingRejection.InvalidInput, $"notional {request.NotionalA}, scale {request.PositionScale}, prices {request.PriceA}/{request.PriceB} and direction {request.Direction} must be positive, finite and ±1.");
        }

        if (Conversion(_a, request.FxA) is not double fxA)
        {
            return FxRejection(_a, request.FxA);
        }

        if (Conversion(_b, request.FxB) is not double fxB)
        {
            return FxRejection(_b, request.FxB);
        }

        double priceA = Rounding.ToTick(request.PriceA, _a.TickSize, Options.PriceRounding);
        double priceB = Rounding.ToTick(request.PriceB, _b.TickSize, Options.PriceRounding);
        double unitA = priceA * _a.ContractMultiplier * fxA;
        double unitB = priceB * _b.ContractMultiplier * fxB;
        double rawA = request.NotionalA * request.PositionScale / unitA;
        if (!Usable(rawA) || !Usable(Math.Abs(request.Beta) * rawA * unitA / unitB))
        {
            return SizingResult.Reject(SizingRejection.InvalidInput, $"quantities {rawA} (A) and β·A in units of B are out of range.");
        }

        double quantityA = Rounding.ToLotStep(rawA, _a.LotStep);
        double notionalA = quantityA * unitA;
        double quantityB = Rounding.ToLotStep(Math.Abs(request.Beta) * notionalA / unitB, _b.LotStep);
        double notionalB = quantityB * unitB;

        if (Minimums(_a, quantityA, notionalA) is SizingResult rejectedA)
        {
            return rejectedA;
        }

        if (Minimums(_b, quantityB, notionalB) is SizingResult rejectedB)
        {
            return rejectedB;
        }

        TradeSide sideA = request.Direction > 0 ? TradeSide.Buy : TradeSide.Sell;
        // Long the spread holds −β of B: sell B when β > 0, buy it when β < 0.
        TradeSide sideB = request.Direction * Math.Sign(request.Beta) > 0 ? TradeSide.Sell : TradeSide.Buy;
        return SizingResult.Order(
            new SizedLeg(_a.Symbol, sideA, quantityA, priceA, notionalA, 1.0),
            new SizedLeg(_b.Symbol, sideB, quantityB, priceB, notionalB, request.Beta),
            notionalB - (Math.Abs(request.Beta) * notionalA));
    }

    // Positive, finite and small enough to round exactly in decimal.
    private static bool Usable(double value) => value > 0 && value < 1e15;

    private double? Conversion(InstrumentSpec spec, FxQuote? quote)
    {
        if (string.Equals(spec.QuoteCurrency, _accountCurrency, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (quote is not FxQuote fx || !(fx.Rate > 0) || !double.IsFinite(fx.Rate))
        {
            return null;
        }

        return _time.GetUtcNow().UtcDateTime - fx.Time > Options.StaleFxThreshold ? null : fx.Rate;
    }

    private SizingResult FxRejection(InstrumentSpec spec, FxQuote? quote) => quote is FxQuote fx && fx.Rate > 0 && double.IsFinite(fx.Rate)
        ? SizingResult.Reject(SizingRejection.StaleFxRate, $"{spec.QuoteCurrency}→{_accountCurrency} rate for {spec.Symbol} is from {fx.Time:O}, older than {Options.StaleFxThreshold}.")
        : SizingResult.Reject(SizingRejection.MissingFxRate, $"{spec.Symbol} is quoted in {spec.QuoteCurrency}; a positive {spec.QuoteCurrency}→{_accountCurrency} rate is needed.");

    private static SizingResult? Minimums(InstrumentSpec spec, double quantity, double notional)
    {
        if (quantity <= 0 || quantity < spec.MinLot)
        {
            return SizingResult.Reject(SizingRejection.BelowMinLot, $"{spec.Symbol}: quantity {quantity} is below the minimum lot {spec.MinLot} (step {spec.LotStep}).");
        }

        return notional < spec.MinNotional
            ? SizingResult.Reject(SizingRejection.BelowMinNotional, $"{spec.Symbol}: notional {notional} is below the minimum {spec.MinNotional}.")
            : null;
    }
}
