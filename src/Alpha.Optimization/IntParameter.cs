namespace Alpha.Optimization;

/// <summary>An integer parameter in [<paramref name="Low"/>, <paramref name="High"/>] on a grid of <paramref name="Step"/>, optionally on a log scale.</summary>
/// <param name="Low">Smallest value.</param>
/// <param name="High">Largest value.</param>
/// <param name="Step">Grid step (1 by default; must be 1 with a log scale).</param>
/// <param name="Log">Sample log(x) uniformly (Low ≥ 1).</param>
public sealed record IntParameter(int Low, int High, int Step = 1, bool Log = false) : ParameterDistribution
{
    /// <inheritdoc />
    public override bool Contains(double value) => value >= Low && value <= High && value == Math.Round(value);

    internal override void Validate(string name)
    {
        if (Low > High)
        {
            throw new ArgumentException($"Parameter '{name}': the range [{Low}, {High}] is inverted.");
        }

        if (Step < 1 || (Log && (Step != 1 || Low < 1)))
        {
            throw new ArgumentException($"Parameter '{name}': step {Step} must be ≥ 1 (exactly 1 with a log scale, whose low must be ≥ 1).");
        }
    }
}
