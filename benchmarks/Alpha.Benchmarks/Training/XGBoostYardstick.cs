using Alpha.Boosting.Training;
using System.Diagnostics;
using Alpha.Boosting.XGBoost;

namespace Alpha.Benchmarks.Training;

/// <summary>
/// A fixed native XGBoost workload timed beside the retrain flow, so each table carries the machine's speed at that
/// moment: 20,000 × 17 rows from the suite's 64-bit LCG, the suite's booster parameters, one thread, 300 rounds.
/// benchmarks/python/xgb_yardstick.py times the same data and parameters from Python's xgboost.
/// </summary>
internal static class XGBoostYardstick
{
    private const int Rows = 20_000;
    private const int Columns = 17;

    public static double Milliseconds()
    {
        (float[] x, float[] y) = Data();
        var stopwatch = Stopwatch.StartNew();
        XGBoostTrainer.Train(
            XGBoostDataset.Create(x, Columns, y),
            new XGBoostParameters { Threads = 1 },
            new BoosterTrainingOptions { MaxRounds = 300, EarlyStoppingRounds = null });
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    // u in [0, 1) from the LCG; features 2u − 1 row by row, label 1 when x0 + 0.5·x1 + (2u − 1) > 0.5.
    private static (float[] X, float[] Y) Data()
    {
        ulong state = 7;
        double Next()
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            return (state >> 11) * (1.0 / 9007199254740992.0);
        }

        var x = new float[Rows * Columns];
        var y = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                x[(r * Columns) + c] = (float)((2 * Next()) - 1);
            }

            double noise = (2 * Next()) - 1;
            y[r] = x[r * Columns] + (0.5 * x[(r * Columns) + 1]) + noise > 0.5 ? 1f : 0f;
        }

        return (x, y);
    }
}
