using Alpha.Optimization;

namespace Alpha.Benchmarks.Optimization;

/// <summary>The comparison functions of benchmarks/python/tpe_quality.py (the same formulas, minimised).</summary>
internal static class TestFunctions
{
    private static readonly double[,] s_hartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] s_hartmannP =
    {
        { 1312, 1696, 5569, 124, 8283, 5886 }, { 2329, 4135, 8307, 3736, 1004, 9991 },
        { 2348, 1451, 3522, 2883, 3047, 6650 }, { 4047, 8828, 8732, 5743, 1091, 381 },
    };

    private static readonly double[] s_hartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    public static IReadOnlyList<(string Name, SearchSpace Space, Func<Trial, double> Objective)> All { get; } =
    [
        ("branin", SearchSpace.Empty.Add("x1", new FloatParameter(-5, 10)).Add("x2", new FloatParameter(0, 15)), Branin),
        ("hartmann6", Enumerable.Range(0, 6).Aggregate(SearchSpace.Empty, (s, i) => s.Add($"x{i}", new FloatParameter(0, 1))), Hartmann6),
        ("noisy_theta", SearchSpace.Empty.Add("theta1", new FloatParameter(0.60, 0.85, 0.01)).Add("theta2", new FloatParameter(0.20, 0.45, 0.01)), NoisyTheta),
    ];

    private static double Branin(Trial t)
    {
        double x1 = t.GetValue("x1"), x2 = t.GetValue("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, s = 10, u = 1 / (8 * Math.PI);
        return Math.Pow(x2 - (b * x1 * x1) + (c * x1) - 6, 2) + (s * (1 - u) * Math.Cos(x1)) + s;
    }

    private static double Hartmann6(Trial t)
    {
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++)
            {
                double d = t.GetValue($"x{j}") - (s_hartmannP[i, j] * 1e-4);
                inner += s_hartmannA[i, j] * d * d;
            }

            sum += s_hartmannAlpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }

    // A θ-like surface: a smooth bowl (minimum near θ = (0.71, 0.33)) plus deterministic high-frequency noise.
    private static double NoisyTheta(Trial t)
    {
        double a = t.GetValue("theta1"), b = t.GetValue("theta2");
        return (2 * Math.Pow(a - 0.71, 2)) + (3 * Math.Pow(b - 0.33, 2)) + (0.003 * Math.Sin((12345.678 * a) + (9876.5 * b)));
    }
}
