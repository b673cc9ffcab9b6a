namespace Alpha.Operations;

/// <summary>One value a configuration change adds, removes or changes.</summary>
/// <param name="File">The file.</param>
/// <param name="Key">The dotted key (<c>theta.theta1_range</c>, <c>stress[0].factor</c>).</param>
/// <param name="Before">The value as YAML text before, or null when the change adds the key.</param>
/// <param name="After">The value after, or null when the change removes the key.</param>
/// <param name="HighRisk">Whether the key is high-risk (<see cref="PolicyFiles.HighRiskKeys"/>).</param>
public sealed record ConfigDiffEntry(string File, string Key, string? Before, string? After, bool HighRisk);
