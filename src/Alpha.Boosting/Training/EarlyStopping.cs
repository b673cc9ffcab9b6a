namespace Alpha.Boosting.Training;

/// <summary>
/// Early stopping as both native trainers run it: after each round the watched validation score is observed; the
/// best round so far is kept (a strictly better score replaces it; lower is better unless the metric is one that
/// grows with quality); training stops once <c>patience</c> rounds have passed without improvement. Not thread-safe.
/// </summary>
public sealed class EarlyStopping
{
    private readonly int? _patience;

    /// <summary>Creates the tracker.</summary>
    /// <param name="metric">The watched metric's name (XGBoost's or LightGBM's); see <see cref="IsMaximised"/>.</param>
    /// <param name="patience">Rounds without improvement before stopping; <see langword="null"/> never stops early.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patience"/> is not positive.</exception>
    public EarlyStopping(string metric, int? patience)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (patience is int p)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p, nameof(patience));
        }

        _patience = patience;
        Maximise = IsMaximised(metric);
    }

    /// <summary>Whether a larger score is better.</summary>
    public bool Maximise { get; }

    /// <summary>The best round so far (0-based), or -1 before any.</summary>
    public int BestRound { get; private set; } = -1;

    /// <summary>The score at <see cref="BestRound"/>, or NaN before any.</summary>
    public double BestScore { get; private set; } = double.NaN;

    /// <summary>Whether a larger value of <paramref name="metric"/> is better: auc, aucpr, average_precision, map, ndcg and pre (and their @k forms).</summary>
    public static bool IsMaximised(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.StartsWith("auc", StringComparison.Ordinal) || metric.StartsWith("map", StringComparison.Ordinal)
            || metric.StartsWith("ndcg", StringComparison.Ordinal) || metric.StartsWith("pre", StringComparison.Ordinal)
            || metric == "average_precision";
    }

    /// <summary>Records round <paramref name="round"/>'s score; returns whether training should stop now.</summary>
    public bool Observe(int round, double score)
    {
        if (BestRound < 0 || (Maximise ? score > BestScore : score < BestScore))
        {
            BestRound = round;
            BestScore = score;
            return false;
        }

        return _patience is int patience && round - BestRound >= patience;
    }
}
