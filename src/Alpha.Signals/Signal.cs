using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Alpha.Signals;

/// <summary>
/// A trading signal for a pair (DESIGN.md § 5 and § 6): an entry or an exit decided at a bar's close by a model
/// version, with both legs, the model's outputs and thresholds. <see cref="SignalJson"/> writes and reads it as
/// snake_case JSON (docs/signal.schema.json); <see cref="Validate"/> checks the contract.
/// </summary>
public sealed record Signal
{
    /// <summary>The deterministic id: <see cref="SignalId.Of"/> over model id, pair id, timestamp, version and action.</summary>
    public required string Id { get; init; }

    /// <summary>The catalogue model id that emitted it.</summary>
    public required string ModelId { get; init; }

    /// <summary>The pair id.</summary>
    public required string PairId { get; init; }

    /// <summary>Entry or exit.</summary>
    public required SignalAction Action { get; init; }

    /// <summary>Why (an entry's rule, or the exit's cause: <c>exit_z</c>, <c>max_holding</c>, <c>stop</c>, <c>segment_end</c>, <c>flatten</c>, …).</summary>
    public required string Reason { get; init; }

    /// <summary>The decision bar's open time, UTC, whole seconds.</summary>
    [JsonConverter(typeof(SignalTimeConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Until when the signal may be acted on: the decision bar's close plus one bar (UTC), after <see cref="Timestamp"/>.</summary>
    [JsonConverter(typeof(SignalTimeConverter))]
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>Both legs: leg A first, then leg B.</summary>
    public required ImmutableArray<SignalLeg> Legs { get; init; }

    /// <summary>The spread's z-score at the decision bar (finite).</summary>
    public required double ZScore { get; init; }

    /// <summary>AI1's calibrated probability that the spread reverts, in [0, 1].</summary>
    public required double ReturnProb { get; init; }

    /// <summary>AI2's calibrated risk score, in [0, 1].</summary>
    public required double RiskScore { get; init; }

    /// <summary>θ1, the return-probability threshold, in [0, 1].</summary>
    public required double Theta1 { get; init; }

    /// <summary>θ2, the risk threshold, in [0, 1].</summary>
    public required double Theta2 { get; init; }

    /// <summary>1 when <see cref="RiskScore"/> ≥ <see cref="Theta2"/> (<see cref="DecisionRule.IsRisky"/>), else 0 (derived; written, never read).</summary>
    public int RiskFlag => DecisionRule.IsRisky(RiskScore, Theta2) ? 1 : 0;

    /// <summary>The position scale both legs were sized with, in (0, 1].</summary>
    public required double PositionScale { get; init; }

    /// <summary>The model version that decided.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Free-form string metadata (e.g. the host, the bar's segment); sorted by key; default empty.</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Value equality over every field, legs and metadata element by element.</summary>
    public bool Equals(Signal? other) =>
        other is not null
        && (Id, ModelId, PairId, Action, Reason, Timestamp, ValidUntil, ModelVersion) == (other.Id, other.ModelId, other.PairId, other.Action, other.Reason, other.Timestamp, other.ValidUntil, other.ModelVersion)
        && ZScore.Equals(other.ZScore) && ReturnProb.Equals(other.ReturnProb) && RiskScore.Equals(other.RiskScore)
        && Theta1.Equals(other.Theta1) && Theta2.Equals(other.Theta2) && PositionScale.Equals(other.PositionScale)
        && Legs.AsSpan().SequenceEqual(other.Legs.AsSpan())
        && Metadata.Count == other.Metadata.Count && Metadata.All(m => other.Metadata.TryGetValue(m.Key, out string? v) && v == m.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Timestamp, Action, ZScore, ReturnProb, RiskScore);

    /// <summary>Throws unless every field keeps the contract (the id included).</summary>
    /// <exception cref="SignalFormatException">The first field that does not, named as in JSON.</exception>
    public void Validate()
    {
        Text(ModelId, "model_id");
        Text(PairId, "pair_id");
        Text(ModelVersion, "model_version");
        Text(Reason, "reason");
        if (!Enum.IsDefined(Action))
        {
            throw new SignalFormatException("action", $"{(int)Action} is not entry or exit.");
        }

        if (!SignalTime.IsWholeSecond(Timestamp))
        {
            throw new SignalFormatException("timestamp", "bar times are whole seconds.");
        }

        if (ValidUntil <= Timestamp)
        {
            throw new SignalFormatException("valid_until", $"{SignalTime.Write(ValidUntil)} is not after the timestamp {SignalTime.Write(Timestamp)}.");
        }

        string expected;
        try
        {
            expected = SignalId.Of(ModelId, PairId, Timestamp, ModelVersion, Action);
        }
        catch (ArgumentException e)
        {
            throw new SignalFormatException("id", e.Message, e);
        }

        if (Id != expected)
        {
            throw new SignalFormatException("id", $"'{Id}' is not the id of this model, pair, bar, version and action ({expected}).");
        }

        if (Legs.IsDefault || Legs.Length != 2)
        {
            throw new SignalFormatException("legs", $"a pair signal has 2 legs, not {(Legs.IsDefault ? 0 : Legs.Length)}.");
        }

        for (int i = 0; i < 2; i++)
        {
            SignalLeg leg = Legs[i] ?? throw new SignalFormatException($"legs[{i}]", "is null.");
            Text(leg.Symbol, $"legs[{i}].symbol");
            if (!Enum.IsDefined(leg.Side))
            {
                throw new SignalFormatException($"legs[{i}].side", $"{(int)leg.Side} is not buy or sell.");
            }

            Finite(leg.BetaWeight, $"legs[{i}].beta_weight");
            if (!(double.IsFinite(leg.Quantity) && leg.Quantity >= 0))
            {
                throw new SignalFormatException($"legs[{i}].quantity", $"{leg.Quantity} is not a finite, non-negative quantity.");
            }
        }

        if (Legs[0].Symbol == Legs[1].Symbol)
        {
            throw new SignalFormatException("legs[1].symbol", $"both legs are {Legs[0].Symbol}.");
        }

        Finite(ZScore, "z_score");
        Probability(ReturnProb, "return_prob");
        Probability(RiskScore, "risk_score");
        Probability(Theta1, "theta1");
        Probability(Theta2, "theta2");
        if (!(PositionScale > 0 && PositionScale <= 1))
        {
            throw new SignalFormatException("position_scale", $"{PositionScale} is not in (0, 1].");
        }

        if (Metadata is null || Metadata.Keys.Any(string.IsNullOrWhiteSpace) || Metadata.Values.Any(v => v is null))
        {
            throw new SignalFormatException("metadata", "keys must be non-empty and values non-null.");
        }
    }

    private static void Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SignalFormatException(field, "is empty.");
        }
    }

    private static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new SignalFormatException(field, $"{value} is not a finite number.");
        }
    }

    private static void Probability(double value, string field)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new SignalFormatException(field, $"{value} is not in [0, 1].");
        }
    }
}
