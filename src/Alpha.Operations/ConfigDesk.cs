using System.Collections.Immutable;
using System.Text;
using Alpha.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Operations;

/// <summary>
/// Seed 003's configuration workflow over the policy files of one folder (<see cref="PolicyFiles.Names"/>): validate
/// (with the retrain flow's own binding) → propose (a diff against the current files) → approve (two distinct approvers,
/// neither the proposer, when a high-risk key changes; one otherwise) → apply (each file replaced atomically, after
/// checking that nothing changed since the proposal) → roll back (the replaced files restored, if nothing changed since).
/// Each call checks the operator's role (<see cref="OpsActions.RequiredRole"/>) and appends one record to the
/// configuration audit log whatever the outcome. Applies and rollbacks of one folder are serialised by a lock file,
/// across processes too. The hosts read the files at start: an applied change takes effect when they restart.
/// </summary>
public sealed partial class ConfigDesk
{
    private const string LockFile = ".alpha-config.lock";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IConfigChangeStore _store;
    private readonly OpsDeskOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the desk.</summary>
    /// <param name="folder">The configuration folder holding the policy files.</param>
    /// <param name="store">Changes and the configuration audit log.</param>
    /// <param name="options">Settings (the longest reason; validated).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Logs failures (never a file's content).</param>
    public ConfigDesk(string folder, IConfigChangeStore store, OpsDeskOptions options, TimeProvider timeProvider, ILogger<ConfigDesk>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        (Folder, _store, _options, _time) = (Path.GetFullPath(folder), store, options, timeProvider);
        _logger = logger ?? NullLogger<ConfigDesk>.Instance;
    }

    /// <summary>The configuration folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The policy files as they are now.</summary>
    /// <exception cref="ConfigException">A policy file is missing.</exception>
    public ImmutableArray<ConfigFile> Files() => [.. PolicyFiles.Names.Select(Read)];

    /// <summary>A change by id, or null.</summary>
    public ValueTask<ConfigChange?> FindAsync(Guid id, CancellationToken cancellationToken) => _store.FindAsync(id, cancellationToken);

    /// <summary>The newest changes first, optionally of one status; at most <paramref name="limit"/> in [1, 1000].</summary>
    public ValueTask<ImmutableArray<ConfigChange>> ListAsync(ConfigChangeStatus? status, int limit, CancellationToken cancellationToken) =>
        _store.ListAsync(status, limit, cancellationToken);

    /// <summary>The newest configuration audit records first, optionally of one change; at most <paramref name="limit"/> in [1, 1000].</summary>
    public ValueTask<ImmutableArray<ConfigAuditEntry>> HistoryAsync(Guid? changeId, int limit, CancellationToken cancellationToken) =>
        _store.HistoryAsync(changeId, limit, cancellationToken);

    /// <summary>Whether the policy files, with the proposal in place, load as the retrain flow and the hosts load them, and what it changes.</summary>
    /// <exception cref="OperationRefusedException">The role is not enough, or the proposal names a file that is not a policy file or a key that is not in it.</exception>
    public async Task<ConfigValidation> ValidateAsync(ConfigProposal proposal, OperatorIdentity by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        string payload = Payload(OpsActions.ConfigValidate, proposal, "");
        string target = Target(proposal);
        await CheckRoleAsync(OpsActions.ConfigValidate, target, payload, by, cancellationToken).ConfigureAwait(false);
        (ImmutableArray<ConfigFile> current, ImmutableArray<ConfigFileChange> files) = await ResolveAsync(OpsActions.ConfigValidate, target, null, payload, proposal, by, cancellationToken).ConfigureAwait(false);
        ConfigValidation validation = Check(current, files, f => f.After);
        string detail = validation.Valid ? $"valid: {validation.Diff.Length} value(s) change." : $"invalid: {validation.Problem!.Message}";
        _ = await AppendAsync(OpsActions.ConfigValidate, null, target, null, payload, by, AuditOutcome.Applied, detail, null, null, cancellationToken).ConfigureAwait(false);
        return validation;
    }

    /// <summary>Proposes a change: it must change something and validate; it then waits for its approvals.</summary>
    /// <exception cref="OperationRefusedException">The role or the reason is not valid, the proposal changes nothing, or the files it would leave do not load (the message names file and key).</exception>
    public async Task<ConfigChange> ProposeAsync(ConfigProposal proposal, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        string payload = Payload(OpsActions.ConfigPropose, proposal, reason);
        string target = Target(proposal);
        await CheckRoleAsync(OpsActions.ConfigPropose, target, payload, by, cancellationToken).ConfigureAwait(false);
        await CheckReasonAsync(OpsActions.ConfigPropose, null, target, reason, payload, by, cancellationToken).ConfigureAwait(false);
        (ImmutableArray<ConfigFile> current, ImmutableArray<ConfigFileChange> files) = await ResolveAsync(OpsActions.ConfigPropose, target, reason, payload, proposal, by, cancellationToken).ConfigureAwait(false);
        if (files.IsEmpty)
        {
            throw await RefuseAsync(OpsActions.ConfigPropose, null, target, reason, payload, by, OpsRefusal.Invalid, "The proposal changes nothing: every file is as it is now.", cancellationToken).ConfigureAwait(false);
        }

        ConfigValidation validation = Check(current, files, f => f.After);
        if (!validation.Valid)
        {
            throw await RefuseAsync(OpsActions.ConfigPropose, null, target, reason, payload, by, OpsRefusal.Invalid, $"The proposed files do not load: {validation.Problem!.Message}", cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset now = _time.GetUtcNow();
        var change = new ConfigChange(
            Guid.CreateVersion7(now), ConfigChangeStatus.Proposed, reason, by, now, files, validation.Diff, validation.HighRisk ? 2 : 1, [], null, null, null, null);
        await _store.AddAsync(change, cancellationToken).ConfigureAwait(false);
        string message = $"Change {change.Id} proposed by {by.Name}: {change.Diff.Length} value(s) in {target}; it needs {change.RequiredApprovals} approver(s){(change.HighRisk ? " (high-risk keys)" : "")}.";
        _ = await AppendAsync(OpsActions.ConfigPropose, change.Id, target, reason, payload, by, AuditOutcome.Pending, message, null, null, cancellationToken).ConfigureAwait(false);
        return change;
    }

    /// <summary>One approver's approval; the change becomes approved when it has as many distinct approvers as it needs.</summary>
    /// <exception cref="OperationRefusedException">The role is not enough, the change is unknown or not waiting for approvals, or the approver proposed it or approved it already.</exception>
    public async Task<ConfigChange> ApproveAsync(Guid id, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = $"{OpsActions.ConfigApprove}\n{id}";
        ConfigChange change = await FindForAsync(OpsActions.ConfigApprove, id, null, payload, by, ConfigChangeStatus.Proposed, cancellationToken).ConfigureAwait(false);
        string? conflict = by.Name == change.ProposedBy.Name
            ? $"{by.Name} proposed change {id}; another approver must approve it."
            : change.Approvals.Any(a => a.Name == by.Name) ? $"{by.Name} already approved change {id}; a second, distinct approver must approve it." : null;
        if (conflict is not null)
        {
            throw await RefuseAsync(OpsActions.ConfigApprove, id, id.ToString(), null, payload, by, OpsRefusal.Conflict, conflict, cancellationToken).ConfigureAwait(false);
        }

        ImmutableArray<ConfigApproval> approvals = change.Approvals.Add(new ConfigApproval(by.Name, by.Role, _time.GetUtcNow()));
        ConfigChange next = change with
        {
            Approvals = approvals,
            Status = approvals.Length >= change.RequiredApprovals ? ConfigChangeStatus.Approved : ConfigChangeStatus.Proposed,
        };
        await ReplaceAsync(OpsActions.ConfigApprove, change, next, null, payload, by, cancellationToken).ConfigureAwait(false);
        string message = next.Status == ConfigChangeStatus.Approved
            ? $"Change {id} approved by {string.Join(" and ", approvals.Select(a => a.Name))}; an approver may apply it."
            : $"Change {id} approved by {by.Name}; it needs {change.RequiredApprovals - approvals.Length} more distinct approver(s).";
        _ = await AppendAsync(OpsActions.ConfigApprove, id, id.ToString(), null, payload, by, next.Status == ConfigChangeStatus.Approved ? AuditOutcome.Applied : AuditOutcome.Pending, message, null, null, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Writes an approved change to the policy files, each replaced atomically, if none of them changed since it was proposed.</summary>
    /// <exception cref="OperationRefusedException">The role is not enough, the change is unknown or not approved, or a file changed since the proposal.</exception>
    public async Task<ConfigChange> ApplyAsync(Guid id, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = $"{OpsActions.ConfigApply}\n{id}";
        ConfigChange change = await FindForAsync(OpsActions.ConfigApply, id, null, payload, by, ConfigChangeStatus.Approved, cancellationToken).ConfigureAwait(false);
        ConfigChange next = change with { Status = ConfigChangeStatus.Applied, AppliedBy = by.Name, AppliedAt = _time.GetUtcNow() };
        await SwapAsync(OpsActions.ConfigApply, change, next, f => f.BeforeSha256, f => f.After, null, payload, by, cancellationToken).ConfigureAwait(false);
        string message = $"Change {id} applied by {by.Name}: {string.Join(", ", change.Files.Select(f => f.Name))} replaced; hosts take it at their next start.";
        _ = await AppendAsync(OpsActions.ConfigApply, id, id.ToString(), null, payload, by, AuditOutcome.Applied, message, change.BeforeSha256, change.AfterSha256, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Restores the files an applied change replaced, if none of them changed since (roll back later changes first).</summary>
    /// <exception cref="OperationRefusedException">The role or the reason is not valid, the change is unknown or not applied, or a file changed since it was applied.</exception>
    public async Task<ConfigChange> RollbackAsync(Guid id, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = $"{OpsActions.ConfigRollback}\n{id}\n{reason}";
        ConfigChange change = await FindForAsync(OpsActions.ConfigRollback, id, reason, payload, by, ConfigChangeStatus.Applied, cancellationToken).ConfigureAwait(false);
        await CheckReasonAsync(OpsActions.ConfigRollback, id, id.ToString(), reason, payload, by, cancellationToken).ConfigureAwait(false);
        ConfigChange next = change with { Status = ConfigChangeStatus.RolledBack, RolledBackBy = by.Name, RolledBackAt = _time.GetUtcNow() };
        await SwapAsync(OpsActions.ConfigRollback, change, next, f => f.AfterSha256, f => f.Before, reason, payload, by, cancellationToken).ConfigureAwait(false);
        string message = $"Change {id} rolled back by {by.Name}: {string.Join(", ", change.Files.Select(f => f.Name))} restored.";
        _ = await AppendAsync(OpsActions.ConfigRollback, id, id.ToString(), reason, payload, by, AuditOutcome.Applied, message, change.AfterSha256, change.BeforeSha256, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Records that an operator was refused a configuration action for their role (an API's authorization does this).</summary>
    public ValueTask<long> RecordDeniedAsync(string action, string target, OperatorIdentity by, string payloadSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return _store.AppendAsync(new ConfigAuditRecord(Record(action, target, null, payloadSha256, by, AuditOutcome.Denied, $"{OperatorRoles.Name(by.Role)} may not {action}."), null, null, null), cancellationToken);
    }

    // Under the folder's lock: the files must still have the expected hashes; the new texts must load; then each file is
    // replaced (temporary file, flushed, renamed over) and the change's new state stored. A failure part-way restores
    // what was replaced.
    private async Task SwapAsync(
        string action, ConfigChange change, ConfigChange next, Func<ConfigFileChange, string> expected, Func<ConfigFileChange, string> text,
        string? reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string target = change.Id.ToString();
        await using FileStream? held = await LockAsync(cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            throw await RefuseAsync(action, change.Id, target, reason, payload, by, OpsRefusal.Conflict, "Another apply or rollback of these files is in progress; retry.", cancellationToken).ConfigureAwait(false);
        }

        // One read of the files: the hashes checked and the folder validated are the same snapshot.
        ImmutableArray<ConfigFile> current = Files();
        foreach (ConfigFileChange f in change.Files)
        {
            string now = current.Single(c => c.Name == f.Name).Sha256;
            if (now != expected(f))
            {
                throw await RefuseAsync(
                    action, change.Id, target, reason, payload, by, OpsRefusal.Conflict,
                    $"{f.Name} changed since (its SHA-256 is {now[..12]}…, expected {expected(f)[..12]}…): {(action == OpsActions.ConfigApply ? "propose the change again" : "roll back the later change first")}.",
                    cancellationToken).ConfigureAwait(false);
            }
        }

        ConfigValidation validation = Check(current, change.Files, text);
        if (!validation.Valid)
        {
            throw await RefuseAsync(action, change.Id, target, reason, payload, by, OpsRefusal.Conflict, $"The files would not load: {validation.Problem!.Message}", cancellationToken).ConfigureAwait(false);
        }

        Write(change.Files, text, change.Id);
        try
        {
            await ReplaceAsync(action, change, next, reason, payload, by, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Write(change.Files, f => text(f) == f.After ? f.Before : f.After, change.Id);
            throw;
        }
    }

    private async Task ReplaceAsync(string action, ConfigChange change, ConfigChange next, string? reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        if (!await _store.ReplaceAsync(change, next, cancellationToken).ConfigureAwait(false))
        {
            throw await RefuseAsync(action, change.Id, change.Id.ToString(), reason, payload, by, OpsRefusal.Conflict, $"Change {change.Id} was changed by someone else meanwhile; look at it again.", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ConfigChange> FindForAsync(string action, Guid id, string? reason, string payload, OperatorIdentity by, ConfigChangeStatus wanted, CancellationToken cancellationToken)
    {
        await CheckRoleAsync(action, id.ToString(), payload, by, cancellationToken).ConfigureAwait(false);
        if (await _store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } change)
        {
            throw await RefuseAsync(action, null, id.ToString(), reason, payload, by, OpsRefusal.NotFound, $"No configuration change has id {id}.", cancellationToken).ConfigureAwait(false);
        }

        if (change.Status != wanted)
        {
            throw await RefuseAsync(
                action, id, id.ToString(), reason, payload, by, OpsRefusal.Conflict,
                $"Change {id} is {ConfigChangeStatuses.Name(change.Status)}; {action} needs it {ConfigChangeStatuses.Name(wanted)}.", cancellationToken).ConfigureAwait(false);
        }

        return change;
    }

    // The proposal's files against the current ones: every changed file with its before and after text (edits applied
    // in order to the proposed or current text).
    private async Task<(ImmutableArray<ConfigFile> Current, ImmutableArray<ConfigFileChange> Changed)> ResolveAsync(string action, string target, string? reason, string payload, ConfigProposal proposal, OperatorIdentity by, CancellationToken cancellationToken)
    {
        try
        {
            ImmutableArray<ConfigFile> snapshot = Files();
            ImmutableDictionary<string, ConfigFile> current = snapshot.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal);
            var texts = current.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal);
            foreach ((string name, string text) in proposal.Files)
            {
                texts[Governed(name)] = text ?? throw new ConfigException(name, "", "the proposed text is missing.");
            }

            foreach (ConfigEdit edit in proposal.Edits)
            {
                ArgumentNullException.ThrowIfNull(edit);
                texts[Governed(edit.File)] = ConfigText.Replace(edit.File, texts[edit.File], edit.Key ?? "", edit.Value ?? "");
            }

            return (snapshot, [.. PolicyFiles.Names.Where(n => texts[n] != current[n].Text).Select(n => new ConfigFileChange(n, current[n].Text, texts[n], current[n].Sha256, ConfigText.Sha256(texts[n])))]);
        }
        catch (Exception e) when (e is ConfigException or ArgumentException)
        {
            throw await RefuseAsync(action, null, target, reason, payload, by, OpsRefusal.Invalid, e.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Governed(string name) => PolicyFiles.Names.Contains(name)
        ? name
        : throw new ConfigException(name ?? "", "", $"not a policy file; the policy files are {string.Join(", ", PolicyFiles.Names)}.");

    // Loads the folder — the snapshot with the given texts in place — from a temporary copy, and diffs the values.
    private static ConfigValidation Check(ImmutableArray<ConfigFile> current, ImmutableArray<ConfigFileChange> files, Func<ConfigFileChange, string> text)
    {
        var diff = ImmutableArray.CreateBuilder<ConfigDiffEntry>();
        DirectoryInfo scratch = Directory.CreateTempSubdirectory("alpha-config-");
        try
        {
            foreach (ConfigFile file in current)
            {
                string? proposed = files.FirstOrDefault(f => f.Name == file.Name) is { } f ? text(f) : null;
                File.WriteAllText(Path.Combine(scratch.FullName, file.Name), proposed ?? file.Text, s_utf8);
            }

            foreach (ConfigFileChange f in files)
            {
                diff.AddRange(Diff(f.Name, text(f) == f.After ? f.Before : f.After, text(f)));
            }

            PolicyFiles.Validate(scratch.FullName);
            return new ConfigValidation(true, null, diff.ToImmutable(), diff.Any(d => d.HighRisk));
        }
        catch (ConfigException e)
        {
            return new ConfigValidation(false, new ConfigProblem(e.File, e.Key, e.Message), diff.ToImmutable(), diff.Any(d => d.HighRisk));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static IEnumerable<ConfigDiffEntry> Diff(string file, string before, string after)
    {
        ImmutableSortedDictionary<string, string> old = ConfigText.Values(file, before), @new = ConfigText.Values(file, after);
        foreach (string key in old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal))
        {
            string? was = old.GetValueOrDefault(key), now = @new.GetValueOrDefault(key);
            if (was != now)
            {
                yield return new ConfigDiffEntry(file, key, was, now, PolicyFiles.IsHighRisk(file, key));
            }
        }
    }

    private ConfigFile Read(string name)
    {
        string path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            throw new ConfigException(name, "", $"not found in {Folder}.");
        }

        string text = File.ReadAllText(path, s_utf8);
        return new ConfigFile(name, text, ConfigText.Sha256(text));
    }

    private void Write(ImmutableArray<ConfigFileChange> files, Func<ConfigFileChange, string> text, Guid id)
    {
        var staged = new List<(string Temporary, string Target)>(files.Length);
        try
        {
            foreach (ConfigFileChange f in files)
            {
                string temporary = Path.Combine(Folder, $".{f.Name}.{id:N}.tmp");
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    stream.Write(s_utf8.GetBytes(text(f)));
                    stream.Flush(flushToDisk: true);
                }

                staged.Add((temporary, Path.Combine(Folder, f.Name)));
            }

            foreach ((string temporary, string target) in staged)
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        finally
        {
            foreach ((string temporary, _) in staged.Where(s => File.Exists(s.Temporary)))
            {
                File.Delete(temporary);
            }
        }
    }

    // The folder's lock file, held exclusively (flock on Unix: other processes too); null after 5 s of trying.
    private async Task<FileStream?> LockAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(Folder, LockFile);
        for (int attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async ValueTask CheckRoleAsync(string action, string target, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (OpsActions.RoleProblem(action, by) is { } forbidden)
        {
            _ = await RecordDeniedAsync(action, AuditText.Escape(target), by, OpsDesk.PayloadHash(payload), cancellationToken).ConfigureAwait(false);
            throw new OperationRefusedException(OpsRefusal.Forbidden, forbidden);
        }
    }

    private async ValueTask CheckReasonAsync(string action, Guid? id, string target, string reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        if (_options.ReasonProblem(reason) is { } invalid)
        {
            throw await RefuseAsync(action, id, target, null, payload, by, OpsRefusal.Invalid, invalid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<OperationRefusedException> RefuseAsync(string action, Guid? id, string target, string? reason, string payload, OperatorIdentity by, OpsRefusal refusal, string message, CancellationToken cancellationToken)
    {
        _ = await AppendAsync(action, id, target, reason, payload, by, AuditOutcome.Refused, message, null, null, cancellationToken).ConfigureAwait(false);
        return new OperationRefusedException(refusal, message);
    }

    private async ValueTask<long> AppendAsync(
        string action, Guid? id, string target, string? reason, string payload, OperatorIdentity by, AuditOutcome outcome, string detail,
        string? beforeSha256, string? afterSha256, CancellationToken cancellationToken)
    {
        var record = new ConfigAuditRecord(Record(action, target, reason, OpsDesk.PayloadHash(payload), by, outcome, detail), id, beforeSha256, afterSha256);
        try
        {
            return await _store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && outcome == AuditOutcome.Applied && beforeSha256 is not null)
        {
            LogAuditFailed(_logger, action, target, e);
            throw;
        }
    }

    private AuditRecord Record(string action, string target, string? reason, string payloadSha256, OperatorIdentity by, AuditOutcome outcome, string detail) =>
        new(_time.GetUtcNow(), by.Name, by.Role, action, AuditText.Escape(target), AuditText.EscapeOrNull(reason), payloadSha256, outcome, AuditText.Escape(detail));

    private static string Target(ConfigProposal proposal)
    {
        string[] names = [.. proposal.Files.Keys.Concat(proposal.Edits.Where(e => e is not null).Select(e => e.File ?? "")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return names.Length == 0 ? "(nothing)" : string.Join(",", names);
    }

    private static string Payload(string action, ConfigProposal proposal, string? reason)
    {
        var text = new StringBuilder(action).Append('\n');
        foreach ((string name, string content) in proposal.Files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(' ').Append(ConfigText.Sha256(content ?? "")).Append('\n');
        }

        foreach (ConfigEdit edit in proposal.Edits.Where(e => e is not null))
        {
            text.Append(edit.File).Append(':').Append(edit.Key).Append('=').Append(edit.Value).Append('\n');
        }

        return text.Append(reason).ToString();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} on {Target}: the files were written but the audit record failed")]
    private static partial void LogAuditFailed(ILogger logger, string action, string target, Exception exception);
}
