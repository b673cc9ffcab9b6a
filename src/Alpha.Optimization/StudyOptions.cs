namespace Alpha.Optimization;

/// <summary>When a study stops and what it looks for.</summary>
public sealed record StudyOptions
{
    /// <summary>Minimise or maximise the objective.</summary>
    /// <value>The default is <see cref="StudyDirection.Minimize"/>.</value>
    public StudyDirection Direction { get; init; } = StudyDirection.Minimize;

    /// <summary>Trials at most (enqueued ones included).</summary>
    /// <value>The default is 100.</value>
    public int MaxTrials { get; init; } = 100;

    /// <summary>Stop after this many sampled trials without a new best feasible value; enqueued trials do not count. Null: never.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? Patience { get; init; }

    /// <summary>Stop starting trials once this much time has passed. Null: no limit.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The clock the time budget is measured with.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTrials, nameof(MaxTrials));
        if (Patience is int patience)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience, nameof(Patience));
        }

        if (TimeBudget is TimeSpan budget)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero, nameof(TimeBudget));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
