namespace Alpha.Operations;

/// <summary>One policy file in a configuration change: its text before and after, and their SHA-256 (lowercase hex of the UTF-8 bytes).</summary>
/// <param name="Name">The file's name (one of <see cref="PolicyFiles.Names"/>).</param>
/// <param name="Before">The text the change was proposed against.</param>
/// <param name="After">The proposed text.</param>
/// <param name="BeforeSha256">SHA-256 of <paramref name="Before"/>.</param>
/// <param name="AfterSha256">SHA-256 of <paramref name="After"/>.</param>
public sealed record ConfigFileChange(string Name, string Before, string After, string BeforeSha256, string AfterSha256);
