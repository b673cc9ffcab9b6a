using Alpha.Backtesting;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.Monitoring;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>
/// The monitoring reference a version freezes (its <c>drift_reference.json</c>), from the out-of-fold data only: the
/// candidates' model inputs as the final boosters see them (the version's scaler, float32-rounded, as the live engine
/// prepares them), their cross-fitted calibrated AI1 and AI2 probabilities, AI1's out-of-fold AUC and the cross-fitted
/// backtest's win rate at θ.
/// </summary>
internal static class DriftReferences
{
    public static DriftReference Build(FeatureSchema schema, ScoredPair scored, CalibrationReport ai1, BacktestResult backtest, Theta theta)
    {
        FeatureFrame frame = scored.Features;
        int bars = scored.CandidateBars.Length, inputs = schema.Names.Length;
        var columns = new double[inputs][];
        for (int f = 0; f < inputs; f++)
        {
            columns[f] = new double[bars];
        }

        double[] input = new double[inputs];
        for (int c = 0; c < bars; c++)
        {
            BoosterTraining.ScaledRow(frame, schema.Scaler, scored.CandidateBars[c], input);
            for (int f = 0; f < inputs; f++)
            {
                columns[f][c] = input[f];
            }
        }

        return new DriftReference(
            [.. schema.Names.Select((name, f) => DriftDistribution.Of(name, columns[f]))],
            DriftDistribution.Of("return_prob", scored.CandidateReturnProbabilities()),
            DriftDistribution.Of("risk_score", scored.CandidateRiskScores()),
            ai1.RocAuc ?? double.NaN,
            backtest.Summary.WinRate,
            backtest.Summary.Trades,
            theta.Theta2);
    }
}
