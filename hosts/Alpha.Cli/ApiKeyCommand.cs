using System.CommandLine;
using Alpha.Operations;
using Alpha.Storage.Postgres;
using Npgsql;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha api-key new --name alice --role approver</c>, <c>list</c>, <c>revoke ID</c>: the API's keys in PostgreSQL
/// (connection from POSTGRES_URL). A new key is printed once and stored only as a salted hash; each change is audited.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create() => new("api-key", $"The API's keys, in PostgreSQL ({DatabaseUrl.Variable}).") { New(), List(), Revoke() };

    private static Command New()
    {
        var name = new Option<string>("--name") { Description = "Whose key: 1–64 letters, digits or ._@- (the operator's name in audit records).", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, editor, approver or admin.", Required = true };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the key (for scripts)." };
        var create = new Command("new", "Create a key; it is printed once and never stored.") { name, role, quiet };
        create.SetAction(async (parse, ct) =>
        {
            OperatorRole r = OperatorRoles.Parse(parse.GetRequiredValue(role));
            await using NpgsqlDataSource db = DatabaseUrl.Open();
            NewApiKey key = ApiKeys.Create(parse.GetRequiredValue(name), r, Creator, TimeProvider.System.GetUtcNow());
            await new PostgresApiKeyStore(db).AddAsync(key.Record, ct);
            await AuditAsync(db, "api_keys.new", key.Record, $"key {key.Record.KeyId} for {key.Record.Name} ({OperatorRoles.Name(r)})", ct);
            if (parse.GetValue(quiet))
            {
                AnsiConsole.Profile.Out.Writer.WriteLine(key.Key);
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"key {key.Record.KeyId} for [bold]{key.Record.Name}[/] ({OperatorRoles.Name(r)}) — shown once, store it now:");
                AnsiConsole.Profile.Out.Writer.WriteLine(key.Key);
            }

            return ExitCodes.Success;
        });
        return create;
    }

    private static Command List()
    {
        var list = new Command("list", "Every key: id, name, role, created, revoked (never the key).");
        list.SetAction(async (_, ct) =>
        {
            await using NpgsqlDataSource db = DatabaseUrl.Open();
            var table = new Table().AddColumns("id", "name", "role", "created", "by", "revoked");
            foreach (ApiKeyRecord k in await new PostgresApiKeyStore(db).ListAsync(ct))
            {
                table.AddRow(k.KeyId, Markup.Escape(k.Name), OperatorRoles.Name(k.Role), k.CreatedAt.ToString("u"), Markup.Escape(k.CreatedBy), k.RevokedAt?.ToString("u") ?? "");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id (12 hex digits, as `list` shows it)." };
        var revoke = new Command("revoke", "Revoke a key (the API stops accepting it within its key cache time, 30 s by default).") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            string keyId = parse.GetRequiredValue(id);
            await using NpgsqlDataSource db = DatabaseUrl.Open();
            var store = new PostgresApiKeyStore(db);
            if (await store.FindAsync(keyId, ct) is not { RevokedAt: null } key || !await store.RevokeAsync(keyId, TimeProvider.System.GetUtcNow(), ct))
            {
                throw new ArgumentException($"No valid key has id '{keyId}' (see alpha api-key list).");
            }

            await AuditAsync(db, "api_keys.revoke", key, $"key {keyId} of {key.Name} revoked", ct);
            AnsiConsole.MarkupLineInterpolated($"key {keyId} of {key.Name} revoked");
            return ExitCodes.Success;
        });
        return revoke;
    }

    // Whoever runs the CLI against the database administers keys: recorded by their login name.
    private static string Creator => $"cli:{Environment.UserName}";

    private static async Task AuditAsync(NpgsqlDataSource db, string action, ApiKeyRecord key, string detail, CancellationToken ct) =>
        _ = await new PostgresAuditLog(db).AppendAsync(
            new AuditRecord(TimeProvider.System.GetUtcNow(), Creator, OperatorRole.Admin, action, key.KeyId, null, OpsDesk.PayloadHash($"{action}\n{key.KeyId}\n{key.Name}\n{OperatorRoles.Name(key.Role)}"), AuditOutcome.Applied, detail),
            ct);
}
