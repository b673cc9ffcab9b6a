using System.CommandLine;
using Alpha.Storage.Postgres;
using Npgsql;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha db migrate</c>: apply the embedded PostgreSQL migrations (connection from POSTGRES_URL).</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", $"Apply the SQL migrations the database lacks, in one transaction under an advisory lock (connection from {DatabaseUrl.Variable}).");
        migrate.SetAction(async (_, ct) =>
        {
            await using NpgsqlDataSource dataSource = DatabaseUrl.Open();
            var applied = await DatabaseMigrator.MigrateAsync(dataSource, ct);
            foreach (Migration m in applied)
            {
                AnsiConsole.MarkupLineInterpolated($"applied {m.Version:D4}_{m.Name}");
            }

            AnsiConsole.MarkupLineInterpolated($"{(applied.IsEmpty ? "up to date" : $"{applied.Length} applied")}: {DatabaseMigrator.Embedded.Length} migration(s) in this version");
            return ExitCodes.Success;
        });
        return new Command("db", "The PostgreSQL database.") { migrate };
    }
}
