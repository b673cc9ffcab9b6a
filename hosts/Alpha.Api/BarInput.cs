namespace Alpha.Api;

/// <summary>One bar: its open time (UTC, ISO 8601) and prices (finite, positive, low ≤ high), volume ≥ 0.</summary>
internal sealed record BarInput(DateTimeOffset Time, double Open, double High, double Low, double Close, double Volume);
