using System.Text.Json;

namespace Alpha.Calibration.Tests;

/// <summary>
/// Re-creates, bit for bit, the inputs of TestData/golden_inputs.py from a golden case's parameters (only integer
/// arithmetic, IEEE products and floor are involved), so the golden files hold reference outputs only.
/// </summary>
internal sealed class GoldenInputs
{
    private GoldenInputs(double[] x, double[] y, double[] labels, double[] p, double[]? w)
    {
        X = x;
        Y = y;
        Labels = labels;
        P = p;
        W = w;
    }

    public double[] X { get; }

    public double[] Y { get; }

    public double[] Labels { get; }

    public double[] P { get; }

    public double[]? W { get; }

    public static GoldenInputs For(JsonElement c)
    {
        var rng = new Lcg((ulong)c.GetProperty("seed").GetInt64());
        int n = c.GetProperty("n").GetInt32();
        int? decimals = c.TryGetProperty("tie_decimals", out JsonElement d) ? d.GetInt32() : null;
        double slope = c.TryGetProperty("slope", out JsonElement s) ? s.GetDouble() : 1.0;
        string weights = c.TryGetProperty("weights", out JsonElement wk) ? wk.GetString()! : "none";
        bool edges = c.TryGetProperty("edge_probabilities", out JsonElement e) && e.GetBoolean();
        var x = new double[n];
        var y = new double[n];
        var labels = new double[n];
        var p = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = rng.Next(), u2 = rng.Next(), u3 = rng.Next();
            rng.Next();
            x[i] = decimals is int dec ? Math.Floor(u1 * Math.Pow(10.0, dec)) / Math.Pow(10.0, dec) : (u1 * 10.0) - 5.0;
            y[i] = (x[i] * slope) + ((u2 - 0.5) * 4.0);
            labels[i] = u2 < u1 ? 1.0 : 0.0;
            p[i] = edges ? Math.Min(1.0, Math.Floor(u1 * 21.0) / 20.0) : u1;
            w[i] = weights switch
            {
                "small-integers" => Math.Floor(u3 * 4.0),
                "signed" => (u3 * 2.0) - 0.2,
                "positive" => u3 + 0.1,
                _ => 1.0,
            };
        }

        return new GoldenInputs(x, y, labels, p, weights == "none" ? null : w);
    }
}
