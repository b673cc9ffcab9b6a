using System.Text.RegularExpressions;

namespace Alpha.Registry;

/// <summary>What a model version name is: <c>yyyyMMdd_HHmm_</c> and the first 7 lowercase hex digits of the SHA-256 of its <c>checksums.json</c>.</summary>
public static partial class ModelVersions
{
    /// <summary>Whether <paramref name="version"/> is shaped like a model version name.</summary>
    public static bool IsValid(string? version) => version is not null && Pattern().IsMatch(version);

    [GeneratedRegex("^[0-9]{8}_[0-9]{4}_[0-9a-f]{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
