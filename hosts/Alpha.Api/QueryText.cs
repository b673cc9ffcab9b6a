namespace Alpha.Api;

/// <summary>A free-text query parameter (a model id, a pair id, an action): null when absent, refused when it holds a control character or is longer than 128.</summary>
internal static class QueryText
{
    /// <exception cref="ArgumentException">The value is too long or holds a control character (the parameter is named).</exception>
    public static string? Optional(string name, string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Length > 128 || value.Any(char.IsControl) ? throw new ArgumentException($"{name} must be at most 128 printable characters.")
        : value;
}
