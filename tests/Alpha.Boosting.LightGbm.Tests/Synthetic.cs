using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm.Tests;

/// <summary>Seeded training data: numerical features with ~8 % missing values, an integer categorical feature (column 3), and binary, 3-class and regression targets.</summary>
internal static class Synthetic
{
    public const int Columns = 6;
    public const int CategoricalColumn = 3;

    /// <summary>Rows × <see cref="Columns"/> features, and the three targets.</summary>
    public static (float[] X, float[] Binary, float[] Class3, float[] Regression) Make(int rows, ulong seed)
    {
        var random = new Lcg(seed);
        var x = new float[rows * Columns];
        var binary = new float[rows];
        var class3 = new float[rows];
        var regression = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                x[(r * Columns) + c] = c == CategoricalColumn ? (float)Math.Floor(random.Next() * 7) : (float)((random.Next() * 4) - 2);
            }

            for (int c = 0; c < Columns; c++)
            {
                if (c != 0 && random.Next() < 0.08)
                {
                    x[(r * Columns) + c] = float.NaN;
                }
            }

            double signal = x[r * Columns] + (0.5 * Value(x[(r * Columns) + 1])) + (x[(r * Columns) + CategoricalColumn] is 2 or 5 ? 1.2 : 0) + ((random.Next() - 0.5) * 1.5);
            binary[r] = signal > 0.3 ? 1 : 0;
            class3[r] = signal < -0.5 ? 0 : signal < 0.8 ? 1 : 2;
            regression[r] = (float)signal;
        }

        return (x, binary, class3, regression);
    }

    /// <summary>Varied rows to predict: ordinary values, NaN, zeros, extremes, unseen and negative categories.</summary>
    public static double[] VariedRows(int rows, ulong seed)
    {
        var random = new Lcg(seed);
        double[] special = [double.NaN, 0, -0.0, 1e-36, -1e-36, 1e30, -1e30, 100, -100];
        var x = new double[rows * Columns];
        for (int i = 0; i < x.Length; i++)
        {
            double u = random.Next();
            x[i] = u < 0.1 ? special[(int)(random.Next() * special.Length)]
                : i % Columns == CategoricalColumn ? Math.Floor(random.Next() * 10) - 1
                : (random.Next() * 5) - 2.5;
        }

        return x;
    }

    public static BoosterDataset Dataset(float[] x, float[] y, float[]? weights = null) => BoosterDataset.Create(x, Columns, y, weights);

    private static double Value(float v) => float.IsNaN(v) ? 0 : v;
}
