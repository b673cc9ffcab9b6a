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
        return OptimizeAsync((trial, _) => Task.FromResult(objective(trial)), cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Runs the study with an asynchronous objective.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (between trials, or by the objective).</exception>
    public async Task<StudyResult> OptimizeAsync(Func<Trial, CancellationToken, Task<double>> objective, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        long started = _options.TimeProvider.GetTimestamp();
        int sinceImprovement = 0;
        TrialRecord? best = Best();
        while (true)
        {
            if (_trials.Count >= _options.MaxTrials)
            {
                return Result(StopReason.TrialBudget);
            }

            if (_options.TimeBudget is TimeSpan budget && _options.TimeProvider.GetElapsedTime(started) >= budget)
            {
                return Result(StopReason.TimeBudget);
            }

            cancellationToken.ThrowIfCancellationRequested();
            bool enqueued = _enqueued.Count > 0;
            ImmutableDictionary<string, double> parameters = enqueued
                ? _enqueued.Dequeue()
                : Checked(_sampler.Sample(_space, _trials, _options.Direction), "sampled point");
            TrialRecord record = await Run(objective, parameters, enqueued, cancellationToken).ConfigureAwait(false);
            _trials.Add(record);
            if (record.IsFeasible && (best is null || IsBetter(record.Value!.Value, best.Value!.Value)))
            {
                best = record;
                sinceImprovement = 0;
            }
            else if (!enqueued && ++sinceImprovement >= (_options.Patience ?? int.MaxValue))
            {
                return Result(StopReason.NoImprovement);
            }
        }
    }

    private async Task<TrialRecord> Run(Func<Trial, CancellationToken, Task<double>> objective, ImmutableDictionary<string, double> parameters, bool enqueued, CancellationToken cancellationToken)
    {
        var trial = new Trial(_trials.Count, _space, parameters);
        TrialState state;
        double? value = null;
        string? message = null;
        try
        {
            double result = await objective(trial, cancellationToken).ConfigureAwait(false);
            if (double.IsNaN(result))
            {
                state = TrialState.Failed;
                message = "the objective returned NaN";
            }
            else
            {
                state = TrialState.Complete;
                value = result;
            }
        }
        catch (TrialPrunedException e)
        {
            state = TrialState.Pruned;
            message = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state = TrialState.Failed;
            message = $"{e.GetType().Name}: {e.Message}";
        }

        return new TrialRecord(trial.Number, parameters, state, value, trial.Violation, enqueued, message, trial.Attributes.ToImmutableDictionary(StringComparer.Ordinal));
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
}
