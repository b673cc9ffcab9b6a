using System.Text.RegularExpressions;

namespace Alpha.Registry;

/// <summary>What a model id (a registry scope, the catalogue's file name) may be: 1–64 of <c>a-z 0-9 . _ -</c>, starting with a letter or digit.</summary>
public static partial class ModelIds
{
    /// <summary>Whether <paramref name="modelId"/> is a valid model id.</summary>
    public static bool IsValid(string? modelId) => modelId is not null && Pattern().IsMatch(modelId);

    /// <summary>Throws unless <paramref name="modelId"/> is a valid model id.</summary>
    /// <exception cref="ArgumentException">It is not (the message says what a model id is).</exception>
    public static void EnsureValid(string? modelId)
    {
        if (!IsValid(modelId))
        {
            throw new ArgumentException($"'{modelId}' is not a model id: 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or a digit.", nameof(modelId));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
