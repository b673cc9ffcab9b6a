namespace Alpha.Storage.Postgres;

/// <summary>One embedded SQL migration.</summary>
/// <param name="Version">Its number, from the file name's prefix (<c>0001_registry.sql</c> → 1).</param>
/// <param name="Name">The file name's rest (<c>registry</c>).</param>
/// <param name="Checksum">SHA-256 of the SQL text, lowercase hex: an applied migration whose text changed is refused.</param>
/// <param name="Sql">The SQL.</param>
public sealed record Migration(int Version, string Name, string Checksum, string Sql);
