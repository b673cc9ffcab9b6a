namespace Alpha.Operations;

/// <summary>A policy file as it is now.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Text">Its text.</param>
/// <param name="Sha256">SHA-256 of the text (lowercase hex of the UTF-8 bytes).</param>
public sealed record ConfigFile(string Name, string Text, string Sha256);
