namespace Alpha.Registry;

/// <summary>Who acts on the registry: recorded with every event.</summary>
/// <param name="Name">A person, <c>retrain</c>, or a host's name; 1–128 printable characters.</param>
/// <param name="Role">The actor's role (e.g. <c>quant</c>, <c>risk</c>, <c>system</c>, <c>host</c>); 1–64 printable characters.</param>
public sealed record RegistryActor(string Name, string Role)
{
    /// <summary>Throws unless both fields are non-empty, short and free of control characters.</summary>
    /// <exception cref="ArgumentException">A field is empty, too long or has a control character.</exception>
    public void EnsureValid()
    {
        Check(Name, 128, nameof(Name));
        Check(Role, 64, nameof(Role));
    }

    private static void Check(string? value, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl))
        {
            throw new ArgumentException($"The actor's {what.ToLowerInvariant()} must be 1 to {maxLength} printable characters, not '{value}'.", what);
        }
    }
}
