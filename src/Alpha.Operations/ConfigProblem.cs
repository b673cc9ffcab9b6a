namespace Alpha.Operations;

/// <summary>Why proposed policy files do not load.</summary>
/// <param name="File">The file.</param>
/// <param name="Key">The dotted key, or empty when the problem is the whole file.</param>
/// <param name="Message">The binding's message.</param>
public sealed record ConfigProblem(string File, string Key, string Message);
