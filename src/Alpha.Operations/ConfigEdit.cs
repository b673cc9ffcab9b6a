namespace Alpha.Operations;

/// <summary>One value to set in a policy file, the rest of the file (comments included) kept as it is.</summary>
/// <param name="File">The file (one of <see cref="PolicyFiles.Names"/>).</param>
/// <param name="Key">The dotted key of a single value or a one-line list, e.g. <c>theta.theta1_range</c>.</param>
/// <param name="Value">The new value as YAML text, e.g. <c>[0.55, 0.90]</c>.</param>
public sealed record ConfigEdit(string File, string Key, string Value);
