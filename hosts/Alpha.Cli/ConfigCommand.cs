using System.Collections.Immutable;
using System.CommandLine;
using Alpha.Operations;
using Alpha.Storage.Postgres;
using Npgsql;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha config validate|propose|list|show|approve|apply|rollback</c>: the policy files' change workflow from a terminal,
/// the same desk as the API's <c>/configs</c> — changes and audit in PostgreSQL (<c>POSTGRES_URL</c>), the operator named
/// by their API key (<c>ALPHA_API_KEY</c>, never an argument), the files in <c>--configs</c>.
/// </summary>
internal static class ConfigCommand
{
    private const string KeyVariable = "ALPHA_API_KEY";

    public static Command Create() => new("config", $"Change the policy files: validate, propose, approve (two approvers for high-risk keys), apply, roll back ({DatabaseUrl.Variable}, {KeyVariable}).")
    {
        Validate(), Propose(), List(), Show(), Approve(), Apply(), Rollback(),
    };

    private static Option<string> Configs() => new("--configs") { Description = "The configuration folder holding the policy files.", DefaultValueFactory = _ => "configs" };

    private static Command Validate()
    {
        var configs = Configs();
        var command = new Command("validate", "Load the folder's policy files as the retrain flow and the hosts do (no server, no key): each problem names file and key.") { configs };
        command.SetAction(parse =>
        {
            string folder = parse.GetRequiredValue(configs);
            PolicyFiles.Validate(folder);
            AnsiConsole.MarkupLineInterpolated($"[green]valid[/]: {string.Join(", ", PolicyFiles.Names)} in {Path.GetFullPath(folder)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Propose()
    {
        var configs = Configs();
        var reason = new Option<string>("--reason") { Description = "Why (audited).", Required = true };
        var set = new Option<string[]>("--set") { Description = "FILE:KEY=VALUE, e.g. core_policy.yaml:theta.theta1_range=[0.55, 0.90] (repeatable).", AllowMultipleArgumentsPerToken = false };
        var file = new Option<string[]>("--file") { Description = "A whole new policy file (its name says which one; repeatable)." };
        var command = new Command("propose", "Propose a change; it must validate, and waits for its approvals.") { configs, reason, set, file };
        command.SetAction(async (parse, ct) =>
        {
            var proposal = new ConfigProposal
            {
                Files = (parse.GetValue(file) ?? []).ToImmutableDictionary(path => Path.GetFileName(path)!, path => File.ReadAllText(path), StringComparer.Ordinal),
                Edits = [.. (parse.GetValue(set) ?? []).Select(Edit)],
            };
            await using Desk desk = await Desk.OpenAsync(parse.GetRequiredValue(configs), ct);
            ConfigChange change = await desk.Configs.ProposeAsync(proposal, parse.GetRequiredValue(reason), desk.Operator, ct);
            Print(change);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var status = new Option<string>("--status") { Description = "Only this status: proposed, approved, applied or rolled_back." };
        var command = new Command("list", "The newest changes (100), optionally of one status.") { status };
        command.SetAction(async (parse, ct) =>
        {
            ConfigChangeStatus? wanted = parse.GetValue(status) is { } name
                ? ConfigChangeStatuses.TryParse(name, out ConfigChangeStatus s) ? s : throw new ArgumentException($"--status must be proposed, approved, applied or rolled_back, not '{name}'.")
                : null;
            await using NpgsqlDataSource db = DatabaseUrl.Open();
            var table = new Table().AddColumns("id", "status", "proposed by", "reason", "values", "approvals");
            foreach (ConfigChange c in await new PostgresConfigChangeStore(db).ListAsync(wanted, 100, ct))
            {
                table.AddRow(c.Id.ToString(), ConfigChangeStatuses.Name(c.Status), Markup.Escape(c.ProposedBy.Name), Markup.Escape(c.Reason), c.Diff.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{c.Approvals.Length}/{c.RequiredApprovals}");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<Guid>("id") { Description = "The change's id." };
        var command = new Command("show", "One change: its diff, approvals and status.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using NpgsqlDataSource db = DatabaseUrl.Open();
            Guid wanted = parse.GetRequiredValue(id);
            Print(await new PostgresConfigChangeStore(db).FindAsync(wanted, ct) ?? throw new ArgumentException($"No configuration change has id {wanted}."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Approve() => Transition("approve", "One approver's approval (not the proposer's).", (desk, id, _, ct) => desk.Configs.ApproveAsync(id, desk.Operator, ct), reason: false);

    private static Command Apply() => Transition("apply", "Write an approved change to the files (each replaced atomically), if none changed since the proposal.", (desk, id, _, ct) => desk.Configs.ApplyAsync(id, desk.Operator, ct), reason: false);

    private static Command Rollback() => Transition("rollback", "Restore the files an applied change replaced, if none changed since.", (desk, id, why, ct) => desk.Configs.RollbackAsync(id, why, desk.Operator, ct), reason: true);

    private static Command Transition(string name, string description, Func<Desk, Guid, string, CancellationToken, Task<ConfigChange>> act, bool reason)
    {
        var configs = Configs();
        var id = new Argument<Guid>("id") { Description = "The change's id." };
        var why = new Option<string>("--reason") { Description = "Why (audited).", Required = true };
        var command = new Command(name, description) { configs, id };
        if (reason)
        {
            command.Options.Add(why);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using Desk desk = await Desk.OpenAsync(parse.GetRequiredValue(configs), ct);
            Print(await act(desk, parse.GetRequiredValue(id), reason ? parse.GetRequiredValue(why) : "", ct));
            return ExitCodes.Success;
        });
        return command;
    }

    // FILE:KEY=VALUE; the value may contain '=' and ':' (a YAML list), the file name and key may not.
    private static ConfigEdit Edit(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal), equals = text.IndexOf('=', StringComparison.Ordinal);
        return colon > 0 && equals > colon + 1
            ? new ConfigEdit(text[..colon], text[(colon + 1)..equals], text[(equals + 1)..])
            : throw new ArgumentException($"--set '{text}' is not FILE:KEY=VALUE (e.g. core_policy.yaml:theta.theta1_range=[0.55, 0.90]).");
    }

    private static void Print(ConfigChange change)
    {
        string risk = change.HighRisk ? " [red]high-risk[/]" : "";
        AnsiConsole.MarkupLine($"change {change.Id}: [bold]{ConfigChangeStatuses.Name(change.Status)}[/]{risk} — {change.Approvals.Length} of {change.RequiredApprovals} approval(s){Markup.Escape(change.Approvals.IsEmpty ? "" : $" ({string.Join(", ", change.Approvals.Select(a => a.Name))})")}");
        AnsiConsole.MarkupLineInterpolated($"proposed by {change.ProposedBy.Name} at {change.ProposedAt:u}: {change.Reason}");
        var table = new Table().AddColumns("file", "key", "before", "after");
        foreach (ConfigDiffEntry d in change.Diff)
        {
            table.AddRow(Markup.Escape(d.File), Markup.Escape(d.Key) + (d.HighRisk ? " [red]*[/]" : ""), Markup.Escape(d.Before ?? "(absent)"), Markup.Escape(d.After ?? "(removed)"));
        }

        AnsiConsole.Write(table);
    }

    // The desk over PostgreSQL, and the operator the API key names.
    private sealed class Desk : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _db;

        private Desk(NpgsqlDataSource db, ConfigDesk configs, OperatorIdentity who) => (_db, Configs, Operator) = (db, configs, who);

        public ConfigDesk Configs { get; }

        public OperatorIdentity Operator { get; }

        public static async Task<Desk> OpenAsync(string folder, CancellationToken ct)
        {
            string key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } k
                ? k
                : throw new InvalidOperationException($"{KeyVariable} is not set: export your API key (alpha api-key new creates one); it names you in the audit.");
            NpgsqlDataSource db = DatabaseUrl.Open();
            try
            {
                OperatorIdentity who = await new ApiKeyAuthenticator(new PostgresApiKeyStore(db), TimeProvider.System, TimeSpan.Zero).AuthenticateAsync(key, ct)
                    ?? throw new OperationRefusedException(OpsRefusal.Forbidden, $"{KeyVariable} is not a valid API key (revoked, or not of this database).");
                return new Desk(db, new ConfigDesk(folder, new PostgresConfigChangeStore(db), new OpsDeskOptions(), TimeProvider.System), who);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => _db.DisposeAsync();
    }
}
