namespace Alpha.Optimization;

/// <summary>A real parameter in [<paramref name="Low"/>, <paramref name="High"/>], optionally on a grid of <paramref name="Step"/> or sampled on a log scale.</summary>
/// <param name="Low">Smallest value.</param>
/// <param name="High">Largest value (≥ Low; with a step, High − Low is a multiple of it).</param>
/// <param name="Step">Grid step, or null for a continuous parameter.</param>
/// <param name="Log">Sample log(x) uniformly (Low &gt; 0; not with a step).</param>
public sealed record FloatParameter(double Low, double High, double? Step = null, bool Log = false) : ParameterDistribution
{
    /// <inheritdoc />
    public override bool Contains(double value) => value >= Low && value <= High;

    internal override void Validate(string name)
    {
        if (!double.IsFinite(Low) || !double.IsFinite(High) || Low > High)
        {
            throw new ArgumentException($"Parameter '{name}': the range [{Low}, {High}] is empty, inverted or not finite.");
        }

        if (Step is double step && (!(step > 0) || !double.IsFinite(step) || Log))
        {
            throw new ArgumentException($"Parameter '{name}': step {step} must be positive and finite, and cannot be combined with a log scale.");
        }

        if (Log && !(Low > 0))
        {
            throw new ArgumentException($"Parameter '{name}': a log-scale range must be positive (low = {Low}).");
        }
    }
}
