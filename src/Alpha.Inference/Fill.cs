using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>An execution reported by the trading side (the EA's result.json, seed 002), kept in <c>core.live_trades</c>.</summary>
/// <param name="FillId">The fill's id, unique: a fill reported twice is kept once.</param>
/// <param name="SignalId">The signal it executes, when the trading side says.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units filled, positive.</param>
/// <param name="Price">The fill price, positive.</param>
/// <param name="FilledAt">When it filled (UTC).</param>
/// <param name="Commission">Commission paid, in the account currency (0 when not reported).</param>
public sealed record Fill(string FillId, string? SignalId, string Symbol, LegSide Side, double Quantity, double Price, DateTimeOffset FilledAt, double Commission);
