using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>The trial an objective evaluates: its parameter values, a way to prune it, and a constraint to report.</summary>
public sealed class Trial
{
    private readonly SearchSpace _space;
    private readonly Dictionary<string, double> _attributes = new(StringComparer.Ordinal);

    internal Trial(int number, SearchSpace space, ImmutableDictionary<string, double> parameters)
    {
        Number = number;
        _space = space;
        Parameters = parameters;
    }

    /// <summary>The trial's number (0-based, in the order trials ran).</summary>
    public int Number { get; }

    /// <summary>Every parameter's value (categoricals as their choice index).</summary>
    public ImmutableDictionary<string, double> Parameters { get; }

    /// <summary>Constraint violation reported by the objective: 0 (the default) is feasible, more is worse.</summary>
    public double Violation { get; private set; }

    internal IReadOnlyDictionary<string, double> Attributes => _attributes;

    /// <summary>The value of a real (or integer) parameter.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public double GetValue(string name) => Parameters.TryGetValue(name, out double value) ? value : throw new KeyNotFoundException($"Parameter '{name}' is not in the search space.");

    /// <summary>The value of an integer parameter.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public int GetInteger(string name) => (int)Math.Round(GetValue(name));

    /// <summary>The chosen option of a categorical parameter.</summary>
    /// <exception cref="InvalidOperationException">The parameter is not categorical.</exception>
    public string GetChoice(string name) => _space[name] is CategoricalParameter c
        ? c.Choices[(int)GetValue(name)]
        : throw new InvalidOperationException($"Parameter '{name}' is not categorical.");

    /// <summary>Reports how far the trial is from feasible (0 = feasible). Infeasible trials never become the best, and TPE ranks them after every feasible one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The violation is negative or NaN.</exception>
    public void ReportConstraint(double violation)
    {
        if (!(violation >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(violation), violation, "A violation is 0 (feasible) or positive.");
        }

        Violation = violation;
    }

    /// <summary>Records a number with the trial (e.g. the metrics behind its objective value).</summary>
    public void SetAttribute(string key, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _attributes[key] = value;
    }

    /// <summary>Ends the trial as pruned.</summary>
    /// <exception cref="TrialPrunedException">Always.</exception>
    public void Prune() => throw new TrialPrunedException($"Trial {Number} was pruned.");
}
