using Alpha.Features;
using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>
/// What the backtest reads of the features, per bar: whether the bar is ready (every model input), z, speed, and the
/// hedge fit (α, β, σ) that an entry there holds. From a <see cref="FeatureFrame"/>, or from plain arrays.
/// </summary>
public sealed class SpreadSeries
{
    private SpreadSeries(bool[] ready, double[] z, double[] speed, double[] alpha, double[] beta, double[] sigma)
    {
        ReadyArray = ready;
        ZArray = z;
        SpeedArray = speed;
        AlphaArray = alpha;
        BetaArray = beta;
        SigmaArray = sigma;
    }

    /// <summary>Number of bars.</summary>
    public int Count => ZArray.Length;

    internal bool[] ReadyArray { get; }

    internal double[] ZArray { get; }

    internal double[] SpeedArray { get; }

    internal double[] AlphaArray { get; }

    internal double[] BetaArray { get; }

    internal double[] SigmaArray { get; }

    /// <summary>Bar t as the position machine reads it.</summary>
    internal SpreadPoint At(int t) => new(ReadyArray[t], ZArray[t], SpeedArray[t], AlphaArray[t], BetaArray[t], SigmaArray[t]);

    /// <summary>The series of a feature frame.</summary>
    public static SpreadSeries From(FeatureFrame features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new SpreadSeries(features.Ready.ToArray(), features[PairFeature.Z].ToArray(), features[PairFeature.Speed].ToArray(), features.Alpha.ToArray(), features[PairFeature.Beta].ToArray(), features.Sigma.ToArray());
    }

    /// <summary>A series from arrays (copied). A ready bar needs finite z, speed, α, β and a positive σ.</summary>
    /// <exception cref="ArgumentException">A length differs, or a ready bar has an unusable value (named).</exception>
    public static SpreadSeries Create(ReadOnlySpan<bool> ready, ReadOnlySpan<double> z, ReadOnlySpan<double> speed, ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, ReadOnlySpan<double> sigma)
    {
        int n = ready.Length;
        if (z.Length != n || speed.Length != n || alpha.Length != n || beta.Length != n || sigma.Length != n)
        {
            throw new ArgumentException($"Every column needs {n} values (one per bar).", nameof(z));
        }

        for (int i = 0; i < n; i++)
        {
            if (ready[i] && (!double.IsFinite(z[i]) || !double.IsFinite(speed[i]) || !double.IsFinite(alpha[i]) || !double.IsFinite(beta[i]) || !(sigma[i] > 0 && double.IsFinite(sigma[i]))))
            {
                throw new ArgumentException($"Bar {i} is ready but z, speed, α, β or σ is not usable (σ must be positive).", nameof(ready));
            }
        }

        return new SpreadSeries(ready.ToArray(), z.ToArray(), speed.ToArray(), alpha.ToArray(), beta.ToArray(), sigma.ToArray());
    }
}
