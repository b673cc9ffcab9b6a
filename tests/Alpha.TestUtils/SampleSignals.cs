using System.Collections.Immutable;
using Alpha.Signals;

namespace Alpha.TestUtils;

/// <summary>Valid signals: one fixed, and seeded random ones over the whole range of every field.</summary>
public static class SampleSignals
{
    public static Signal Entry { get; } = Create("audnzd-h4", "AUDUSD-NZDUSD", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), "20261207_1149_bf3d558", SignalAction.Entry,
        [new SignalLeg("AUDUSD", LegSide.Sell, 1, 120_000), new SignalLeg("NZDUSD", LegSide.Buy, 1.0825, 129_900)], z: 2.31, p: 0.83, r: 0.12, scale: 1);

    public static Signal Create(string modelId, string pairId, DateTimeOffset bar, string version, SignalAction action, ImmutableArray<SignalLeg> legs, double z, double p, double r, double scale) => new()
    {
        Id = SignalId.Of(modelId, pairId, bar, version, action),
        ModelId = modelId,
        PairId = pairId,
        Action = action,
        Reason = action == SignalAction.Entry ? "return_prob > theta1 and risk_score < theta2" : "exit_z",
        Timestamp = bar,
        ValidUntil = bar.AddHours(8),
        Legs = legs,
        ZScore = z,
        ReturnProb = p,
        RiskScore = r,
        Theta1 = 0.7,
        Theta2 = 0.3,
        PositionScale = scale,
        ModelVersion = version,
        Metadata = ImmutableSortedDictionary<string, string>.Empty.Add("host", "worker-1"),
    };

    public static Signal Random(Random random)
    {
        double Unit() => random.Next(4) switch { 0 => 0, 1 => 1, _ => random.NextDouble() };
        var bar = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 300_000));
        bool aSells = random.Next(2) == 0;
        ImmutableArray<SignalLeg> legs =
        [
            new("AUD" + random.Next(100), aSells ? LegSide.Sell : LegSide.Buy, 1, Math.Round(random.NextDouble() * 1e7, random.Next(0, 4))),
            new("NZD" + random.Next(100), aSells ? LegSide.Buy : LegSide.Sell, (random.NextDouble() - 0.2) * 3, random.Next(3) == 0 ? 0 : random.NextDouble() * 1e7),
        ];
        return Create($"model-{random.Next(1000)}", $"pair-{random.Next(1000)}", bar, $"v{random.Next()}", random.Next(2) == 0 ? SignalAction.Entry : SignalAction.Exit,
            legs, (random.NextDouble() - 0.5) * 20, Unit(), Unit(), 1 - random.NextDouble()) with { Theta1 = Unit(), Theta2 = Unit() };
    }
}
