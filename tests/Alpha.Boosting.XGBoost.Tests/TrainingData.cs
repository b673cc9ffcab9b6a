using Alpha.Boosting.XGBoost;

namespace Alpha.Boosting.XGBoost.Tests;

/// <summary>Seeded synthetic datasets with ~5 % missing values.</summary>
internal static class TrainingData
{
    public const int Columns = 6;

    public static (XGBoostDataset Train, XGBoostDataset Valid, float[] ValidRows) Create(string kind, int seed = 1, int rows = 1600)
    {
        var random = new Random(seed);
        var x = new float[rows * Columns];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double signal = 0;
            for (int j = 0; j < Columns; j++)
            {
                double v = (random.NextDouble() * 4) - 2;
                x[(i * Columns) + j] = random.NextDouble() < 0.05 ? float.NaN : (float)v;
                signal += j switch { 0 => 1.2 * v, 1 => -0.8 * v, 2 => 0.4 * v * v, _ => 0 };
            }

            double noise = random.NextDouble() - 0.5;
            y[i] = kind switch
            {
                "binary" => signal + noise > 0.5 ? 1 : 0,
                "regression" => (float)(signal + noise),
                "poisson" => (float)Math.Floor(Math.Exp(Math.Clamp(0.3 * signal, -2, 2)) * (1 + noise)),
                "multiclass" => signal < -1 ? 0 : signal < 0.5 ? 1 : signal < 2 ? 2 : 3,
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        int split = rows * 3 / 4;
        float[] validRows = x[(split * Columns)..];
        return (XGBoostDataset.Create(x.AsSpan(0, split * Columns), Columns, y.AsSpan(0, split)),
                XGBoostDataset.Create(validRows, Columns, y.AsSpan(split)),
                validRows);
    }
}
