using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>
/// Runs trials of an objective over a <see cref="SearchSpace"/>: enqueued points first (they count toward the
/// sampler's start-up and the trial budget, not toward patience), then the sampler's suggestions, until the trial
/// budget, the patience or the time budget says stop. A trial whose objective throws or returns NaN is recorded as
/// failed and the study goes on; <see cref="Trial.Prune"/> records it as pruned. Not thread-safe.
/// </summary>
public sealed class Study
{
    private readonly SearchSpace _space;
    private readonly ISampler _sampler;
    private readonly StudyOptions _options;
    private readonly Queue<ImmutableDictionary<string, double>> _enqueued = new();
    private readonly List<TrialRecord> _trials = [];

    /// <summary>Creates a study.</summary>
    /// <exception cref="InvalidOperationException">The search space is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Study(SearchSpace space, ISampler sampler, StudyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(sampler);
        space.EnsureNotEmpty();
        _space = space;
        _sampler = sampler;
        _options = options ?? new StudyOptions();
        _options.Validate();
    }

    /// <summary>The trials run so far.</summary>
    public IReadOnlyList<TrialRecord> Trials => _trials;

    /// <summary>Evaluates <paramref name="parameters"/> before any sampled point (e.g. a coarse grid).</summary>
    /// <exception cref="ArgumentException">A parameter is missing, unknown or outside its distribution.</exception>
    public void Enqueue(IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _enqueued.Enqueue(Checked(parameters, "enqueued point"));
    }

    /// <summary>Runs the study with a synchronous objective.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (between trials, or by the objective).</exception>
    public StudyResult Optimize(Func<Trial, double> objective, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var progress = new Progress(_options.TimeProvider.GetTimestamp(), Best());
        while (true)
        {
            if (ShouldStop(progress, cancellationToken) is StopReason stop)
            {
                return Result(stop);
            }

            (Trial trial, bool enqueued) = NextTrial();
            double result = double.NaN;
            Exception? error = null;
            try
            {
                result = objective(trial);
            }
            catch (Exception e) when (IsTrialFailure(e, cancellationToken))
            {
                error = e;
            }

            if (Record(progress, trial, enqueued, result, error) is StopReason after)
            {
                return Result(after);
            }
        }
    }

    /// <summary>Runs the study with an asynchronous objective.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (between trials, or by the objective).</exception>
    public async Task<StudyResult> OptimizeAsync(Func<Trial, CancellationToken, Task<double>> objective, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var progress = new Progress(_options.TimeProvider.GetTimestamp(), Best());
        while (true)
        {
            if (ShouldStop(progress, cancellationToken) is StopReason stop)
            {
                return Result(stop);
            }

            (Trial trial, bool enqueued) = NextTrial();
            double result = double.NaN;
            Exception? error = null;
            try
            {
                result = await objective(trial, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTrialFailure(e, cancellationToken))
            {
                error = e;
            }

            if (Record(progress, trial, enqueued, result, error) is StopReason after)
            {
                return Result(after);
            }
        }
    }

    private StopReason? ShouldStop(Progress progress, CancellationToken cancellationToken)
    {
        if (_trials.Count >= _options.MaxTrials)
        {
            return StopReason.TrialBudget;
        }

        if (_options.TimeBudget is TimeSpan budget && _options.TimeProvider.GetElapsedTime(progress.Started) >= budget)
        {
            return StopReason.TimeBudget;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }

    private (Trial Trial, bool Enqueued) NextTrial()
    {
        bool enqueued = _enqueued.Count > 0;
        ImmutableDictionary<string, double> parameters = enqueued
            ? _enqueued.Dequeue()
            : Checked(_sampler.Sample(_space, _trials, _options.Direction), "sampled point");
        return (new Trial(_trials.Count, _space, parameters), enqueued);
    }

    // Cancellation of the study and running out of memory end the study; anything else the objective throws
    // ends only its trial.
    private static bool IsTrialFailure(Exception e, CancellationToken cancellationToken) =>
        e is not OutOfMemoryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>Records a finished trial; returns the patience stop when it is due.</summary>
    private StopReason? Record(Progress progress, Trial trial, bool enqueued, double result, Exception? error)
    {
        TrialState state;
        double? value = null;
        string? message = null;
        switch (error)
        {
            case TrialPrunedException pruned:
                state = TrialState.Pruned;
                message = pruned.Message;
                break;
            case not null:
                state = TrialState.Failed;
                message = $"{error.GetType().Name}: {error.Message}";
                break;
            case null when double.IsNaN(result):
                state = TrialState.Failed;
                message = "the objective returned NaN";
                break;
            default:
                state = TrialState.Complete;
                value = result;
                break;
        }

        var record = new TrialRecord(trial.Number, trial.Parameters, state, value, trial.Violation, enqueued, message, trial.Attributes.ToImmutableDictionary(StringComparer.Ordinal));
        _trials.Add(record);
        if (record.IsFeasible && (progress.Best is null || IsBetter(record.Value!.Value, progress.Best.Value!.Value)))
        {
            progress.Best = record;
            progress.SinceImprovement = 0;
        }
        else if (!enqueued && ++progress.SinceImprovement >= (_options.Patience ?? int.MaxValue))
        {
            return StopReason.NoImprovement;
        }

        return null;
    }

    private StudyResult Result(StopReason reason) => new([.. _trials], Best(), reason);

    private TrialRecord? Best()
    {
        TrialRecord? best = null;
        foreach (TrialRecord t in _trials)
        {
            if (t.IsFeasible && (best is null || IsBetter(t.Value!.Value, best.Value!.Value)))
            {
                best = t;
            }
        }

        return best;
    }

    private bool IsBetter(double candidate, double incumbent) =>
        _options.Direction == StudyDirection.Minimize ? candidate < incumbent : candidate > incumbent;

    private ImmutableDictionary<string, double> Checked(IReadOnlyDictionary<string, double> parameters, string what)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach ((string name, ParameterDistribution distribution) in _space.Parameters)
        {
            if (!parameters.TryGetValue(name, out double value) || !distribution.Contains(value))
            {
                throw new ArgumentException($"The {what} has no valid value for '{name}' ({(parameters.TryGetValue(name, out double v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}).", nameof(parameters));
            }

            builder[name] = value;
        }

        if (parameters.Count != builder.Count)
        {
            throw new ArgumentException($"The {what} names parameters outside the search space.", nameof(parameters));
        }

        return builder.ToImmutable();
    }

    /// <summary>Where a running optimisation stands: its start, best feasible trial and trials since that improved.</summary>
    private sealed class Progress(long started, TrialRecord? best)
    {
        public long Started { get; } = started;

        public TrialRecord? Best { get; set; } = best;

        public int SinceImprovement { get; set; }
    }
}
