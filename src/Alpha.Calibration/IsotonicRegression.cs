using System.Buffers;
using System.Runtime.InteropServices;

namespace Alpha.Calibration;

/// <summary>
/// A fitted isotonic regression, equal to scikit-learn 1.2's <c>IsotonicRegression</c>: points with weight ≤ 0
/// dropped, sorted by (x, y), x values within float64 resolution (1e-15) of a group's first x merged into one
/// point (weighted mean y, summed weight), weighted pool-adjacent-violators, optional clipping to
/// [<see cref="IsotonicRegressionOptions.YMin"/>, <see cref="IsotonicRegressionOptions.YMax"/>], and interior
/// points equal to both neighbours dropped. Predictions interpolate linearly between the kept thresholds exactly
/// as SciPy's <c>interp1d</c> does.
/// </summary>
/// <remarks>
/// NaN and ±∞ are rejected in x, y, weights and prediction inputs (scikit-learn's input validation does the
/// same). The caller's arrays are never modified. Immutable and thread-safe once fitted.
/// </remarks>
public sealed class IsotonicRegression
{
    /// <summary>np.finfo(np.float64).resolution: x values closer than this to a group's first x are one point.</summary>
    private const double TieResolution = 1e-15;

    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicRegression(double[] x, double[] y, bool increasing, double xMin, double xMax, IsotonicRegressionOptions options)
    {
        _x = x;
        _y = y;
        Increasing = increasing;
        XMin = xMin;
        XMax = xMax;
        Options = options;
    }

    /// <summary>The settings used for the fit.</summary>
    public IsotonicRegressionOptions Options { get; }

    /// <summary>The direction that was fitted (resolved when the options say <see cref="IsotonicDirection.Auto"/>).</summary>
    public bool Increasing { get; }

    /// <summary>Smallest x of the (positive-weight) training data.</summary>
    public double XMin { get; }

    /// <summary>Largest x of the (positive-weight) training data.</summary>
    public double XMax { get; }

    /// <summary>The kept x thresholds, ascending (scikit-learn's <c>X_thresholds_</c>).</summary>
    public ReadOnlySpan<double> XThresholds => _x;

    /// <summary>The fitted values at <see cref="XThresholds"/> (scikit-learn's <c>y_thresholds_</c>).</summary>
    public ReadOnlySpan<double> YThresholds => _y;

    /// <summary>Fits the regression of <paramref name="y"/> on <paramref name="x"/>.</summary>
    /// <param name="x">Inputs, finite.</param>
    /// <param name="y">Targets, finite, one per input.</param>
    /// <param name="sampleWeight">Weights, finite, one per input; empty for all 1. Points with weight ≤ 0 are dropped.</param>
    /// <param name="options">Settings; scikit-learn's defaults when null.</param>
    /// <exception cref="InvalidSampleException">Empty input, a length mismatch, a non-finite value (names argument and index), or no positive weight.</exception>
    public static IsotonicRegression Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sampleWeight = default, IsotonicRegressionOptions? options = null)
    {
        options ??= new IsotonicRegressionOptions();
        options.Validate();
        Guard.NotEmpty(x.Length, nameof(x));
        Guard.SameLength(x.Length, y.Length, nameof(y));
        Guard.AllFinite(x, nameof(x));
        Guard.AllFinite(y, nameof(y));
        if (!sampleWeight.IsEmpty)
        {
            Guard.SameLength(x.Length, sampleWeight.Length, nameof(sampleWeight));
            Guard.AllFinite(sampleWeight, nameof(sampleWeight));
        }

        bool increasing = options.Direction switch
        {
            IsotonicDirection.Increasing => true,
            IsotonicDirection.Decreasing => false,
            _ => Spearman.IsNonNegative(x, y),
        };

        int[] order = SortedPositiveWeightIndices(x, y, sampleWeight);
        if (order.Length == 0)
        {
            throw new InvalidSampleException(nameof(sampleWeight), -1, "Every sample weight is zero or negative; nothing to fit.");
        }

        return FitOrdered(order, x, y, sampleWeight, options, increasing);
    }

    /// <summary>
    /// The fit on points already in <see cref="LexicalOrder"/> (any subset of that order, kept in sequence, is itself
    /// in order): what cross-fitting uses to sort once instead of once per fold. Inputs are not re-validated.
    /// </summary>
    internal static IsotonicRegression FitOrdered(ReadOnlySpan<int> order, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sampleWeight, IsotonicRegressionOptions options, bool increasing)
    {
        // The merged points are scratch (only the kept thresholds outlive the fit): one pooled buffer holds all three.
        int groups = CountTieGroups(order, x);
        double[] scratch = ArrayPool<double>.Shared.Rent(3 * groups);
        try
        {
            Span<double> ux = scratch.AsSpan(0, groups), uy = scratch.AsSpan(groups, groups), uw = scratch.AsSpan(2 * groups, groups);
            MergeTies(order, x, y, sampleWeight, ux, uy, uw);
            Solve(uy, uw, options.YMin, options.YMax, increasing);
            (double[] keptX, double[] keptY) = DropFlatInteriorPoints(ux, uy);
            return new IsotonicRegression(keptX, keptY, increasing, ux[0], ux[^1], options);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// scikit-learn's <c>isotonic_regression</c>: the monotone least-squares fit of <paramref name="y"/> in the given
    /// order (no sorting, no tie merging), clipped to [<paramref name="yMin"/>, <paramref name="yMax"/>].
    /// </summary>
    /// <param name="y">Targets, finite.</param>
    /// <param name="sampleWeight">Positive weights, one per target; empty for all 1.</param>
    /// <param name="yMin">Lower bound, or null.</param>
    /// <param name="yMax">Upper bound, or null.</param>
    /// <param name="increasing">Non-decreasing (true) or non-increasing (false).</param>
    /// <returns>A new array with the fitted values.</returns>
    /// <exception cref="InvalidSampleException">A non-finite value, a length mismatch, or a weight ≤ 0.</exception>
    public static double[] IsotonicFit(ReadOnlySpan<double> y, ReadOnlySpan<double> sampleWeight = default, double? yMin = null, double? yMax = null, bool increasing = true)
    {
        Guard.AllFinite(y, nameof(y));
        double[] fitted = y.ToArray();
        double[] w = new double[y.Length];
        if (sampleWeight.IsEmpty)
        {
            w.AsSpan().Fill(1.0);
        }
        else
        {
            Guard.SameLength(y.Length, sampleWeight.Length, nameof(sampleWeight));
            for (int i = 0; i < w.Length; i++)
            {
                if (!(sampleWeight[i] > 0) || !double.IsFinite(sampleWeight[i]))
                {
                    throw new InvalidSampleException(nameof(sampleWeight), i, $"sampleWeight[{i}] is {sampleWeight[i]}; weights must be positive and finite.");
                }

                w[i] = sampleWeight[i];
            }
        }

        Solve(fitted, w, yMin, yMax, increasing);
        return fitted;
    }

    /// <summary>The prediction at <paramref name="x"/>; allocation-free.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is NaN or ±∞, or outside [XMin, XMax] with <see cref="OutOfBounds.Raise"/>.</exception>
    public double Predict(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only finite inputs can be predicted.");
        }

        if (Options.OutOfBounds == OutOfBounds.Clip)
        {
            x = Math.Clamp(x, XMin, XMax);
        }

        double[] xs = _x;
        double[] ys = _y;
        if (xs.Length == 1)
        {
            return ys[0];
        }

        if (x < xs[0] || x > xs[^1])
        {
            return Options.OutOfBounds == OutOfBounds.Raise
                ? throw new ArgumentOutOfRangeException(nameof(x), x, $"x = {x} is outside the fitted range [{XMin}, {XMax}].")
                : double.NaN;
        }

        // SciPy's interp1d hands a linear float64 interpolation to np.interp: j with xs[j] ≤ x < xs[j + 1],
        // the knot's own value on a knot, else the slope form from the lower knot.
        int j = SortedSearch.UpperBound(xs, x) - 1;
        if (j == xs.Length - 1 || xs[j] == x)
        {
            return ys[j];
        }

        double slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
        return (slope * (x - xs[j])) + ys[j];
    }

    /// <summary>Predicts every input into <paramref name="destination"/> (same length).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN or ±∞, or out of range with <see cref="OutOfBounds.Raise"/>.</exception>
    public void Predict(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (x.Length != destination.Length)
        {
            throw new ArgumentException($"destination has {destination.Length} elements for {x.Length} inputs.", nameof(destination));
        }

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Predict(x[i]);
        }
    }

    internal static IsotonicRegression FromThresholds(double[] x, double[] y, bool increasing, double xMin, double xMax, IsotonicRegressionOptions options) =>
        new(x, y, increasing, xMin, xMax, options);

    // isotonic_regression: reverse for a decreasing fit, PAVA, clip, reverse back.
    private static void Solve(Span<double> y, Span<double> w, double? yMin, double? yMax, bool increasing)
    {
        if (!increasing)
        {
            y.Reverse();
            w.Reverse();
        }

        PoolAdjacentViolators.FitInPlace(y, w);
        if (yMin is not null || yMax is not null)
        {
            double lo = yMin ?? double.NegativeInfinity;
            double hi = yMax ?? double.PositiveInfinity;
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = Math.Min(Math.Max(y[i], lo), hi);
            }
        }

        if (!increasing)
        {
            y.Reverse();
        }
    }

    /// <summary>The order of np.lexsort((y, x)): by x, then y, then input position.</summary>
    internal static int[] LexicalOrder(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => SortedPositiveWeightIndices(x, y, default);

    // The order of np.lexsort((y, x)) over the points with positive weight: by x, then y, then input position.
    private static int[] SortedPositiveWeightIndices(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            count += w.IsEmpty || w[i] > 0 ? 1 : 0;
        }

        var order = new int[count];
        for (int i = 0, k = 0; i < x.Length; i++)
        {
            if (w.IsEmpty || w[i] > 0)
            {
                order[k++] = i;
            }
        }

        // np.lexsort sorts stably by the last key, which is what stable sorts by y and then by x give.
        StableSort.ByKey(y, order);
        StableSort.ByKey(x, order);
        return order;
    }

    // _make_unique: one point per group of x within TieResolution of the group's first x.
    private static int CountTieGroups(ReadOnlySpan<int> order, ReadOnlySpan<double> x)
    {
        int groups = 1;
        double groupX = x[order[0]];
        foreach (int j in order)
        {
            if (x[j] - groupX >= TieResolution)
            {
                groups++;
                groupX = x[j];
            }
        }

        return groups;
    }

    // Fills ux, uy, uw (CountTieGroups long) with each group's first x, weighted mean y and total weight.
    private static void MergeTies(ReadOnlySpan<int> order, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, Span<double> ux, Span<double> uy, Span<double> uw)
    {
        int u = 0;
        double currentX = x[order[0]];
        double sumY = 0;
        double sumW = 0;
        foreach (int j in order)
        {
            double weight = w.IsEmpty ? 1.0 : w[j];
            if (x[j] - currentX >= TieResolution)
            {
                ux[u] = currentX;
                uw[u] = sumW;
                uy[u] = sumY / sumW;
                u++;
                currentX = x[j];
                sumW = weight;
                sumY = y[j] * weight;
            }
            else
            {
                sumW += weight;
                sumY += y[j] * weight;
            }
        }

        ux[u] = currentX;
        uw[u] = sumW;
        uy[u] = sumY / sumW;
    }

    // Keeps the first and last points and every point that differs from one of its neighbours.
    private static (double[] X, double[] Y) DropFlatInteriorPoints(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int kept = 0;
        for (int i = 0; i < x.Length; i++)
        {
            kept += Keeps(y, i) ? 1 : 0;
        }

        var keptX = new double[kept];
        var keptY = new double[kept];
        for (int i = 0, k = 0; i < x.Length; i++)
        {
            if (Keeps(y, i))
            {
                keptX[k] = x[i];
                keptY[k++] = y[i];
            }
        }

        return (keptX, keptY);
    }

    private static bool Keeps(ReadOnlySpan<double> y, int i) => i == 0 || i == y.Length - 1 || y[i] != y[i - 1] || y[i] != y[i + 1];
}
