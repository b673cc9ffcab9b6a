using MathNet.Numerics;

namespace Alpha.Optimization;

/// <summary>
/// The standard normal truncated to [a, b], computed in log space the way Optuna 3.1's own
/// <c>samplers/_tpe/_truncnorm.py</c> does, so far tails neither underflow nor cancel.
/// </summary>
internal static class TruncatedNormal
{
    private static readonly double s_logSqrtTwoPi = Math.Log(Math.Sqrt(2 * Math.PI));

    /// <summary>Φ(a).</summary>
    public static double Ndtr(double a)
    {
        double x = a / Math.Sqrt(2);
        return x < -1 / Math.Sqrt(2) ? 0.5 * SpecialFunctions.Erfc(-x)
            : x < 1 / Math.Sqrt(2) ? 0.5 + (0.5 * SpecialFunctions.Erf(x))
            : 1.0 - (0.5 * SpecialFunctions.Erfc(x));
    }

    /// <summary>log Φ(a), with the asymptotic series below −20.</summary>
    public static double LogNdtr(double a)
    {
        if (a > 6)
        {
            return -Ndtr(-a);
        }

        if (a > -20)
        {
            return Math.Log(Ndtr(a));
        }

        double logLhs = (-0.5 * a * a) - Math.Log(-a) - (0.5 * Math.Log(2 * Math.PI));
        double last = 0, rhs = 1, numerator = 1, denominator = 1, step = 1 / (a * a);
        int sign = 1;
        for (int i = 1; Math.Abs(last - rhs) > double.Epsilon && i < 200; i++)
        {
            last = rhs;
            sign = -sign;
            denominator *= step;
            numerator *= (2 * i) - 1;
            rhs += sign * numerator * denominator;
        }

        return logLhs + Math.Log(rhs);
    }

    /// <summary>log(Φ(b) − Φ(a)) for a ≤ b.</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (b <= 0)
        {
            return LogDiff(LogNdtr(b), LogNdtr(a));
        }

        if (a > 0)
        {
            return LogDiff(LogNdtr(-a), LogNdtr(-b));
        }

        // Optuna evaluates the central case with its vectorised ndtr, 0.5 + 0.5·erf(x/√2).
        return Log1p(-(0.5 + (0.5 * SpecialFunctions.Erf(a / Math.Sqrt(2)))) - (0.5 + (0.5 * SpecialFunctions.Erf(-b / Math.Sqrt(2)))));
    }

    /// <summary>The quantile q of the normal truncated to [a, b].</summary>
    public static double Ppf(double q, double a, double b)
    {
        if (q == 0)
        {
            return a;
        }

        if (q == 1)
        {
            return b;
        }

        double mass = LogGaussMass(a, b);
        return a < 0
            ? InverseLogNdtr(LogSum(LogNdtr(a), Math.Log(q) + mass))
            : -InverseLogNdtr(LogSum(LogNdtr(-b), Math.Log(1 - q) + mass));
    }

    /// <summary>log density at x of the normal truncated to [a, b] (−∞ outside).</summary>
    public static double LogPdf(double x, double a, double b) =>
        x < a || x > b ? double.NegativeInfinity : (-(x * x) / 2.0) - s_logSqrtTwoPi - LogGaussMass(a, b);

    private static double LogSum(double logP, double logQ)
    {
        double max = Math.Max(logP, logQ);
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(Math.Exp(logP - max) + Math.Exp(logQ - max));
    }

    // log(e^p − e^q) = p + log1p(−e^(q − p)), Optuna's _log_diff.
    private static double LogDiff(double logP, double logQ) => logP + Log1p(-Math.Exp(logQ - logP));

    // log(1 + x) to a few ulps for small x (Kahan's trick: the rounding of 1 + x cancels out of log(u)·x/(u − 1)).
    private static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    // Bisection of log Φ on [−100, 100], as Optuna's _ndtri_exp (64 halvings reach double resolution).
    private static double InverseLogNdtr(double y)
    {
        double lo = -100, hi = 100, mid = 0;
        for (int i = 0; i < 64; i++)
        {
            mid = (lo + hi) / 2;
            if (LogNdtr(mid) < y)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return mid;
    }
}
