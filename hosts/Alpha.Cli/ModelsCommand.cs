using System.CommandLine;
using System.Globalization;
using Alpha.Registry;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha models list|show|verify|register|promote|approve|reject|deploy|rollback|archive|restore|history|served-by|prune</c>: the
/// registry's lifecycle on a models folder or PostgreSQL (docs/registry.md).
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var shared = new RegistryOptionsCli();
        var command = new Command("models", "The model registry: list, verify and move versions through their audited lifecycle.");
        foreach (Command sub in (Command[])[
            List(shared), Show(shared), Verify(shared), Register(shared),
            Move(shared, "promote", "Draft → candidate (the version passed adoption).", ModelStatus.Candidate),
            Move(shared, "approve", "Candidate → approved (--reason required).", ModelStatus.Approved),
            Move(shared, "reject", "Candidate → rejected (--reason required).", ModelStatus.Rejected),
            Move(shared, "deploy", "Approved or retired → deployed; the deployed version retires; the version is copied to --backup (--reason required).", ModelStatus.Deployed),
            Move(shared, "archive", "Any version but the deployed one → archived.", ModelStatus.Archived),
            Rollback(shared), Restore(shared), History(shared), ServedBy(shared), Prune(shared)])
        {
            shared.AddTo(sub);
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Option<string> ModelId() => new("--model-id") { Description = "The model id (registry scope).", Required = true };

    private static Option<string?> Reason() => new("--reason") { Description = "Why (recorded; required for approve, reject, deploy and rollback)." };

    private static Argument<string> Version() => new("version") { Description = "The model version (the folder's name, yyyyMMdd_HHmm_hash)." };

    private static Command List(RegistryOptionsCli shared)
    {
        var modelId = new Option<string?>("--model-id") { Description = "Only this model id (default: every model id)." };
        var command = new Command("list", "Every registered version with its status, per model id.") { modelId };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            ModelRegistry registry = open.Registry;
            var registered = new HashSet<string>(StringComparer.Ordinal);
            foreach (string id in parse.GetValue(modelId) is string one ? [one] : await registry.ListModelIdsAsync(ct))
            {
                var table = new Table().Title($"{id}").AddColumns("version", "status", "since (UTC)", "θ1", "θ2", "notes");
                foreach (ModelVersionState v in await registry.VersionsAsync(id, ct))
                {
                    registered.Add(v.Version);
                    string status = ModelLifecycle.Name(v.Status);
                    table.AddRow(Markup.Escape(v.Version), v.Status == ModelStatus.Deployed ? $"[green]{status}[/]" : status, Time(v.Since),
                        Theta(v.Record?.Theta1), Theta(v.Record?.Theta2), Markup.Escape(v.Record?.Notes ?? ""));
                }

                AnsiConsole.Write(table);
            }

            foreach (string folder in ModelStore.ListVersions(registry.Options.ModelsRoot).Where(f => !registered.Contains(Path.GetFileName(f))))
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{Path.GetFileName(folder)}: in the models folder, not registered[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        Argument<string> version = Version();
        var command = new Command("show", "A version's status, catalogue row and verification.") { modelId, version };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            ModelVersionState state = await open.Registry.StateAsync(parse.GetRequiredValue(modelId), parse.GetRequiredValue(version), ct);
            AnsiConsole.MarkupLineInterpolated($"{state.ModelId}/{state.Version}: [bold]{ModelLifecycle.Name(state.Status)}[/] since {Time(state.Since)}; checksums digest {state.ChecksumsDigest}");
            if (state.Record is { } r)
            {
                AnsiConsole.MarkupLineInterpolated($"created {Time(r.CreatedAt)} by {r.CreatedBy}; θ = ({Theta(r.Theta1)}, {Theta(r.Theta2)}); seed {r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "—"}; code {r.CodeHash}; data {r.DataHash}; {r.Notes}");
            }

            ModelVerification check = await open.Registry.VerifyAsync(state.ModelId, state.Version, ct);
            bool verified = ShowVerification(check);
            AnsiConsole.MarkupLineInterpolated($"[grey]metrics and adoption: alpha inspect {check.Folder}[/]");
            return verified ? ExitCodes.Success : ExitCodes.VerificationFailed;
        });
        return command;
    }

    private static Command Verify(RegistryOptionsCli shared)
    {
        var modelId = new Option<string?>("--model-id") { Description = "Also check the checksums are those registered under this model id." };
        Argument<string> version = Version();
        var command = new Command("verify", "Verify a version's checksums and signature (exit 3 when it does not verify).") { modelId, version };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            string v = parse.GetRequiredValue(version);
            ModelVerification check = parse.GetValue(modelId) is string id
                ? await open.Registry.VerifyAsync(id, v, ct)
                : ModelStore.Verify(Path.Combine(open.Registry.Options.ModelsRoot, v), open.Registry.Options.Trust);
            return ShowVerification(check) ? ExitCodes.Success : ExitCodes.VerificationFailed;
        });
        return command;
    }

    private static Command Register(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        var notes = new Option<string>("--notes") { Description = "A note kept with the version's row.", DefaultValueFactory = _ => "" };
        Argument<string> version = Version();
        var command = new Command("register", "Register a version already in the models folder as a draft (it must verify).") { modelId, notes, version };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            ModelVersionState state = await open.Registry.RegisterAsync(parse.GetRequiredValue(modelId), parse.GetRequiredValue(version), shared.ActorOf(parse), parse.GetRequiredValue(notes), ct);
            AnsiConsole.MarkupLineInterpolated($"{state.ModelId}/{state.Version}: [bold]{ModelLifecycle.Name(state.Status)}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Move(RegistryOptionsCli shared, string name, string description, ModelStatus to)
    {
        Option<string> modelId = ModelId();
        Option<string?> reason = Reason();
        Argument<string> version = Version();
        var command = new Command(name, description) { modelId, reason, version };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            ModelRegistry registry = open.Registry;
            string id = parse.GetRequiredValue(modelId), v = parse.GetRequiredValue(version), why = parse.GetValue(reason) ?? "";
            RegistryActor actor = shared.ActorOf(parse);
            ModelVersionState state = to switch
            {
                ModelStatus.Candidate => await registry.PromoteAsync(id, v, actor, parse.GetValue(reason), ct),
                ModelStatus.Approved => await registry.ApproveAsync(id, v, actor, why, ct),
                ModelStatus.Rejected => await registry.RejectAsync(id, v, actor, why, ct),
                ModelStatus.Deployed => await registry.DeployAsync(id, v, actor, why, ct),
                _ => await registry.ArchiveAsync(id, v, actor, parse.GetValue(reason), ct),
            };
            AnsiConsole.MarkupLineInterpolated($"{id}/{state.Version}: [bold]{ModelLifecycle.Name(state.Status)}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rollback(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        Option<string?> reason = Reason();
        var command = new Command("rollback", "The deployed version → rolled_back; the version deployed before it is deployed again (--reason required).") { modelId, reason };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            string id = parse.GetRequiredValue(modelId);
            ModelVersionState state = await open.Registry.RollbackAsync(id, shared.ActorOf(parse), parse.GetValue(reason) ?? "", ct);
            AnsiConsole.MarkupLineInterpolated($"{id}: rolled back; [bold]{state.Version}[/] is deployed again");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Restore(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        var version = new Argument<string?>("version") { Description = "The version (default: the deployed one).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("restore", "Verify a registered version as a host would load it; a lost or corrupted one is quarantined and restored from --backup (exit 3 when it cannot be).") { modelId, version };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            VerifiedVersion opened = await open.Registry.OpenAsync(parse.GetRequiredValue(modelId), parse.GetValue(version), ct);
            AnsiConsole.MarkupLineInterpolated($"[green]{opened.Verification.Version}: verified[/]{(opened.RestoredFromBackup ? " after restoring it from the backup root (the damaged folder is in .quarantine/)" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command History(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        var command = new Command("history", "A model id's events, oldest first, after verifying the hash chain (exit 3 when it was tampered with).") { modelId };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            var table = new Table().AddColumns("#", "at (UTC)", "version", "event", "actor (role)", "reason", "hash");
            var events = await open.Registry.HistoryAsync(parse.GetRequiredValue(modelId), ct);
            foreach (RegistryEvent e in events)
            {
                string what = e.Kind == RegistryEventKind.Transition
                    ? $"{(e.From is { } f ? ModelLifecycle.Name(f) : "registered")} → {ModelLifecycle.Name(e.To!.Value)}"
                    : RegistryEventKinds.Name(e.Kind);
                table.AddRow(e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e.At), Markup.Escape(e.Version), Markup.Escape(what),
                    Markup.Escape($"{e.Actor} ({e.Role})"), Markup.Escape(e.Reason ?? ""), e.Hash[..12]);
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"[green]hash chain verified[/]: {events.Length} events");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ServedBy(RegistryOptionsCli shared)
    {
        Option<string> modelId = ModelId();
        var at = new Option<DateTimeOffset>("--at")
        {
            Description = "The moment (ISO 8601; UTC unless an offset is given).",
            Required = true,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
                {
                    return value;
                }

                result.AddError($"--at must be an ISO 8601 time such as 2026-12-07T10:00:00Z (got '{text}').");
                return default;
            },
        };
        var command = new Command("served-by", "Which version served a model id at a moment: the deployed pointer and what each host reported.") { modelId, at };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse);
            DateTimeOffset moment = parse.GetRequiredValue(at);
            ServedBy served = await open.Registry.ServedByAsync(parse.GetRequiredValue(modelId), moment, ct);
            AnsiConsole.MarkupLineInterpolated($"{served.ModelId} at {Time(served.At)}: deployed [bold]{served.DeployedVersion ?? "(none)"}[/]");
            foreach (ServingReport report in served.Reports)
            {
                AnsiConsole.MarkupLineInterpolated($"  {report.Host}: {(report.Loaded ? "loaded" : "refused")} {report.Version} at {Time(report.At)}{(report.Reason is null ? "" : $" ({report.Reason})")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Prune(RegistryOptionsCli shared)
    {
        Option<int> keep = CliOptions.Integer("--keep-versions", "Versions to keep in the models folder.", 10, 5, 10_000);
        var command = new Command("prune", "Retention: archive and delete the oldest versions beyond --keep-versions, never a deployed one or the one before it.") { keep };
        command.SetAction(async (parse, ct) =>
        {
            await using OpenRegistry open = shared.Open(parse, parse.GetValue(keep));
            var deleted = await open.Registry.PruneAsync(shared.ActorOf(parse), ct);
            foreach (string folder in deleted)
            {
                AnsiConsole.MarkupLineInterpolated($"removed {Path.GetFileName(folder)}");
            }

            AnsiConsole.MarkupLineInterpolated($"{deleted.Length} removed");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool ShowVerification(ModelVerification check)
    {
        if (check.IsValid)
        {
            string signature = check.Signature == SignatureStatus.Valid ? $"signed by key {check.KeyId}" : "unsigned (accepted: --allow-unsigned)";
            AnsiConsole.MarkupLineInterpolated($"[green]{check.Version}: verified[/] (checksums; {signature})");
            return true;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]{check.Version}: does not verify[/] (signature: {check.Signature.ToString().ToLowerInvariant()})");
        foreach (string problem in check.Problems)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{problem}[/]");
        }

        return false;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Theta(double? theta) => theta is { } t && !double.IsNaN(t) ? t.ToString("F4", CultureInfo.InvariantCulture) : "—";
}
