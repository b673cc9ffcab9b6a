using System.Collections.Immutable;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Monitoring;
using Alpha.Signals;

namespace Alpha.Training;

/// <summary>
/// A version's live window rebuilt from bars (the embedded mode of monitoring, and how to study a period as if it had
/// been served): the version scores every bar as the live engine does (batch = live), each candidate is labelled from
/// the later bars with the AI1 label's barriers (events whose horizon runs past the data stay unlabelled), the trades
/// are the version's backtest at its θ, and a candidate is risk-flagged when its risk score is at or above θ2.
/// </summary>
public static class ReplayedWindow
{
    /// <summary>The window of <paramref name="model"/> over the bars of <paramref name="pair"/> from <paramref name="since"/> (UTC, inclusive).</summary>
    /// <param name="model">The version.</param>
    /// <param name="pair">The aligned pair, from before <paramref name="since"/> on (features warm up on the earlier bars).</param>
    /// <param name="policy">The policy: the AI1 label's exit, stop and horizon, and the backtest's sizing and costs.</param>
    /// <param name="since">The window's first bar time.</param>
    public static LiveWindow Build(TrainedModel model, AlignedPair pair, TrainingPolicy policy, DateTime since)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(policy);
        ScoredPair scored = model.Score(pair, policy.Backtest);
        FeatureFrame frame = scored.Features;
        var labeler = new ReversionLabeler(policy.Reversion with
        {
            EntryZ = model.EntryZ,
            EntryMaxZ = model.EntryMaxZ,
            MaxSpeed = Threshold.Absolute(double.IsFinite(model.MaxSpeed) ? model.MaxSpeed : double.MaxValue),
        });
        Dictionary<int, int> labels = labeler.Label(frame, []).Events.ToDictionary(e => e.T0, e => e.Label);
        double[] returnProb = scored.CandidateReturnProbabilities(), riskScore = scored.CandidateRiskScores();
        ReadOnlySpan<DateTime> time = pair.Time;
        var candidates = ImmutableArray.CreateBuilder<LiveCandidate>();
        var flags = ImmutableArray.CreateBuilder<bool>();
        double[] input = new double[model.Schema.Names.Length];
        for (int c = 0; c < scored.CandidateBars.Length; c++)
        {
            int bar = scored.CandidateBars[c];
            if (time[bar] < since)
            {
                continue;
            }

            BoosterTraining.ScaledRow(frame, model.Schema.Scaler, bar, input);
            candidates.Add(new LiveCandidate([.. input], returnProb[c], riskScore[c], labels.TryGetValue(bar, out int label) ? label : null));
            flags.Add(riskScore[c] >= model.Theta.Theta2);
        }

        ImmutableArray<Trade> trades = scored.Backtest(model.Theta).Trades;
        return new LiveWindow(candidates.ToImmutable(), [.. trades.Where(t => t.EntryTime >= since).Select(t => t.Pnl)], flags.ToImmutable());
    }
}
