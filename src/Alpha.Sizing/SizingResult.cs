namespace Alpha.Sizing;

/// <summary>
/// Either an order (two legs, <see cref="IsOrder"/>) or a rejection with its reason and a message — a value, never an
/// exception, so the live hot path can log and move on.
/// </summary>
public sealed record SizingResult
{
    private SizingResult(SizedLeg? legA, SizedLeg? legB, double residualBetaNotional, SizingRejection? rejection, string? message)
    {
        LegA = legA;
        LegB = legB;
        ResidualBetaNotional = residualBetaNotional;
        Rejection = rejection;
        Message = message;
    }

    /// <summary>Whether an order was produced.</summary>
    public bool IsOrder => Rejection is null;

    /// <summary>Leg A, or null when rejected.</summary>
    public SizedLeg? LegA { get; }

    /// <summary>Leg B, or null when rejected.</summary>
    public SizedLeg? LegB { get; }

    /// <summary>|notional_B| − |β|·|notional_A| after rounding, in the account currency (the hedge's error).</summary>
    public double ResidualBetaNotional { get; }

    /// <summary>The reason no order was produced, or null.</summary>
    public SizingRejection? Rejection { get; }

    /// <summary>A human-readable explanation of the rejection, or null.</summary>
    public string? Message { get; }

    internal static SizingResult Order(SizedLeg a, SizedLeg b, double residual) => new(a, b, residual, null, null);

    internal static SizingResult Reject(SizingRejection reason, string message) => new(null, null, 0, reason, message);
}
