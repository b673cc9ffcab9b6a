namespace Alpha.Registry;

/// <summary>What one host last reported about a model id: the version it loaded or refused.</summary>
/// <param name="Host">The reporting host.</param>
/// <param name="Version">The version.</param>
/// <param name="Loaded"><see langword="true"/> when it serves the version; <see langword="false"/> when it refused it.</param>
/// <param name="Reason">Why it refused; <see langword="null"/> when loaded.</param>
/// <param name="At">When it reported (UTC).</param>
public sealed record ServingReport(string Host, string Version, bool Loaded, string? Reason, DateTimeOffset At);
