namespace Alpha.Calibration;

/// <summary>
/// Maps a model score to a calibrated probability of class 1. Implementations are immutable, thread-safe,
/// allocation-free per call, and round-trip through <see cref="ToJson"/> / <see cref="CalibratorJson.Read"/>.
/// </summary>
public interface IProbabilityCalibrator
{
    /// <summary>The calibrator's kind as written in its JSON (<c>isotonic</c> or <c>sigmoid</c>).</summary>
    string Kind { get; }

    /// <summary>The calibrated probability of one finite score, in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or ±∞.</exception>
    double Calibrate(double score);

    /// <summary>Calibrates every score into <paramref name="probabilities"/> (same length).</summary>
    /// <exception cref="ArgumentException">The lengths differ, or a score is NaN or ±∞.</exception>
    void Calibrate(ReadOnlySpan<double> scores, Span<double> probabilities);

    /// <summary>The calibrator as JSON (snake_case, doubles written to round-trip exactly).</summary>
    string ToJson();
}
