namespace Alpha.Training;

/// <summary>One input of a training run, as <c>dataset_index.json</c> records it.</summary>
/// <param name="Name">File name (no folder), or <c>synthetic:SYMBOL</c> for generated bars.</param>
/// <param name="Symbol">The leg's symbol.</param>
/// <param name="Rows">Bars read.</param>
/// <param name="First">First bar's time (UTC).</param>
/// <param name="Last">Last bar's time (UTC).</param>
/// <param name="Sha256">SHA-256 of the file's bytes (of the bars' values for generated bars), lowercase hex.</param>
public sealed record DatasetFile(string Name, string Symbol, int Rows, DateTime First, DateTime Last, string Sha256);
