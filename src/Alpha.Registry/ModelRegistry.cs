using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>
/// The model registry (DESIGN.md § 6): versions in a models folder, each model id's lifecycle as an append-only,
/// hash-chained event log in an <see cref="IRegistryStore"/>, one deployed pointer per model id with rollback, what
/// served when, retention, and restore from a backup root. Every write verifies the log first and refuses an edited
/// or truncated one with <see cref="RegistryLogException"/>; every move that is not legal is an
/// <see cref="IllegalTransitionException"/> and records nothing.
/// </summary>
public sealed class ModelRegistry
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a registry over <paramref name="store"/>.</summary>
    /// <param name="store">Where the event logs live.</param>
    /// <param name="options">Models folder, backup root, trust and retention.</param>
    /// <param name="timeProvider">The clock events are stamped with; default the system clock.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ModelRegistry(IRegistryStore store, RegistryOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Store = store;
        Options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a registry whose logs live in the models folder itself (<c>{ModelsRoot}/.registry</c>): the embedded default, no server.</summary>
    /// <param name="options">Models folder, backup root, trust and retention.</param>
    /// <param name="timeProvider">The clock events are stamped with; default the system clock.</param>
    /// <returns>The registry.</returns>
    public static ModelRegistry Embedded(RegistryOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ModelRegistry(new FileRegistryStore(Path.Combine(options.ModelsRoot, EmbeddedStoreFolder)), options, timeProvider);
    }

    /// <summary>The folder of the models folder the embedded store keeps its logs in: <c>.registry</c>.</summary>
    public const string EmbeddedStoreFolder = ".registry";

    /// <summary>Where the event logs live.</summary>
    public IRegistryStore Store { get; }

    /// <summary>The options.</summary>
    public RegistryOptions Options { get; }

    /// <summary>The model ids with a log, sorted.</summary>
    public ValueTask<ImmutableArray<string>> ListModelIdsAsync(CancellationToken cancellationToken = default) => Store.ListModelIdsAsync(cancellationToken);

    /// <summary>Stores artifacts as a new version in the models folder (signed when a key is given) and registers it as a draft.</summary>
    /// <param name="modelId">The model id to register it under.</param>
    /// <param name="artifacts">File name → content (see <see cref="ModelStore.Write"/>).</param>
    /// <param name="actor">Who registers it.</param>
    /// <param name="signingKey">The training key; <see langword="null"/> writes an unsigned version, which a registry requiring signatures refuses.</param>
    /// <param name="notes">A note kept with the version's row.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write leaves nothing behind.</param>
    /// <returns>The draft.</returns>
    public async Task<ModelVersionState> WriteAsync(
        string modelId, IReadOnlyDictionary<string, ImmutableArray<byte>> artifacts, RegistryActor actor, ModelSigningKey? signingKey = null, string notes = "", CancellationToken cancellationToken = default)
    {
        CheckCaller(modelId, actor);
        string folder = ModelStore.Write(artifacts, Options.ModelsRoot, _timeProvider, signingKey, cancellationToken);
        return await RegisterAsync(modelId, Path.GetFileName(folder), actor, notes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a version already in the models folder as a draft; it must verify against <see cref="RegistryOptions.Trust"/>.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version folder's name.</param>
    /// <param name="actor">Who registers it.</param>
    /// <param name="notes">A note kept with the version's row.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ModelVerificationException">The folder does not verify (checksums or signature).</exception>
    /// <exception cref="IllegalTransitionException">The version is already registered under <paramref name="modelId"/>.</exception>
    public async Task<ModelVersionState> RegisterAsync(string modelId, string version, RegistryActor actor, string notes = "", CancellationToken cancellationToken = default)
    {
        CheckCaller(modelId, actor);
        ModelVerification check = VerifyFolder(version);
        ModelVersionRecord record = VersionRecordReader.Read(check.Folder, modelId, actor.Name, notes ?? "");
        DateTimeOffset at = Now();
        RegistryLog log = await Store.AppendAsync(modelId, current =>
        {
            RegistryState state = RegistryState.Of(current);
            if (state.Status(version) is { } status)
            {
                throw new IllegalTransitionException(modelId, version, status, ModelStatus.Draft, "the version is already registered.");
            }

            return new RegistryAppend(state.Chain([state.Move(version, null, ModelStatus.Draft, actor, null, at, check.ChecksumsDigest!)]), record);
        }, cancellationToken).ConfigureAwait(false);
        return RegistryState.OfAppended(log).State(version, record);
    }

    /// <summary>Draft → candidate: the version passed adoption.</summary>
    public Task<ModelVersionState> PromoteAsync(string modelId, string version, RegistryActor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        MoveAsync(modelId, version, ModelStatus.Candidate, actor, reason, cancellationToken);

    /// <summary>Candidate → approved; <paramref name="reason"/> is required.</summary>
    public Task<ModelVersionState> ApproveAsync(string modelId, string version, RegistryActor actor, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(modelId, version, ModelStatus.Approved, actor, reason, cancellationToken);

    /// <summary>Candidate → rejected; <paramref name="reason"/> is required.</summary>
    public Task<ModelVersionState> RejectAsync(string modelId, string version, RegistryActor actor, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(modelId, version, ModelStatus.Rejected, actor, reason, cancellationToken);

    /// <summary>Any state but deployed → archived.</summary>
    public Task<ModelVersionState> ArchiveAsync(string modelId, string version, RegistryActor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        MoveAsync(modelId, version, ModelStatus.Archived, actor, reason, cancellationToken);

    /// <summary>
    /// Approved or retired → deployed, in one append with the version deployed before it → retired. The version must
    /// verify (restored from the backup root when lost or corrupted) and is copied to the backup root first.
    /// </summary>
    /// <exception cref="IllegalTransitionException">Not approved or retired, or no reason.</exception>
    /// <exception cref="ModelVerificationException">The version does not verify and cannot be restored.</exception>
    public async Task<ModelVersionState> DeployAsync(string modelId, string version, RegistryActor actor, string reason, CancellationToken cancellationToken = default)
    {
        CheckCaller(modelId, actor);
        RegistryState before = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        before.Check(version, ModelStatus.Deployed, reason);
        PrepareForServing(before, version);
        DateTimeOffset at = Now();
        RegistryLog log = await Store.AppendAsync(modelId, current =>
        {
            RegistryState state = RegistryState.Of(current);
            ModelStatus from = state.Check(version, ModelStatus.Deployed, reason);
            var drafts = new List<RegistryEvent>();
            if (state.Deployed is { } previous)
            {
                drafts.Add(state.Move(previous, ModelStatus.Deployed, ModelStatus.Retired, actor, $"replaced by {version}", at, state.Digest(previous)));
            }

            drafts.Add(state.Move(version, from, ModelStatus.Deployed, actor, reason, at, state.Digest(version)));
            return new RegistryAppend(state.Chain(drafts), null);
        }, cancellationToken).ConfigureAwait(false);
        return await StateAsync(RegistryState.OfAppended(log), version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the deployed version to rolled_back and redeploys the version deployed before it (the most recent retired
    /// one), in one append. The target must verify (restored from the backup root when needed).
    /// </summary>
    /// <returns>The version now deployed.</returns>
    /// <exception cref="IllegalTransitionException">Nothing is deployed, there is no earlier version to return to, no reason, or another writer moved the pointer meanwhile.</exception>
    public async Task<ModelVersionState> RollbackAsync(string modelId, RegistryActor actor, string reason, CancellationToken cancellationToken = default)
    {
        CheckCaller(modelId, actor);
        RegistryState before = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        (string deployed, string target) = RollbackPair(before, reason);
        PrepareForServing(before, target);
        DateTimeOffset at = Now();
        RegistryLog log = await Store.AppendAsync(modelId, current =>
        {
            RegistryState state = RegistryState.Of(current);
            if (RollbackPair(state, reason) != (deployed, target))
            {
                throw new IllegalTransitionException(modelId, deployed, state.Status(deployed), ModelStatus.RolledBack, "another writer moved the deployed pointer meanwhile; look at the history and retry.");
            }

            return new RegistryAppend(state.Chain([
                state.Move(deployed, ModelStatus.Deployed, ModelStatus.RolledBack, actor, reason, at, state.Digest(deployed)),
                state.Move(target, ModelStatus.Retired, ModelStatus.Deployed, actor, $"rollback from {deployed}: {reason}", at, state.Digest(target)),
            ]), null);
        }, cancellationToken).ConfigureAwait(false);
        return await StateAsync(RegistryState.OfAppended(log), target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a host loaded (serves) a version of a model id.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version it loaded.</param>
    /// <param name="host">The host's name (recorded as the actor, role <c>host</c>).</param>
    /// <param name="checksumsDigest">SHA-256 of the <c>checksums.json</c> it loaded.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    public Task ReportLoadedAsync(string modelId, string version, string host, string checksumsDigest, CancellationToken cancellationToken = default) =>
        ReportAsync(modelId, version, host, RegistryEventKind.Loaded, null, checksumsDigest, cancellationToken);

    /// <summary>Records that a host refused a version of a model id (it did not verify, could not be read, …) and why.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version it refused.</param>
    /// <param name="host">The host's name.</param>
    /// <param name="reason">Why (e.g. the verification problems).</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    public Task ReportRefusedAsync(string modelId, string version, string host, string reason, CancellationToken cancellationToken = default) =>
        ReportAsync(modelId, version, host, RegistryEventKind.Refused, reason, "", cancellationToken);

    /// <summary>A model id's events, oldest first, after verifying the chain.</summary>
    /// <exception cref="RegistryLogException">The log is edited, truncated or reordered.</exception>
    public async Task<ImmutableArray<RegistryEvent>> HistoryAsync(string modelId, CancellationToken cancellationToken = default) =>
        (await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false)).Log.Events;

    /// <summary>Every version registered under a model id with its status, in registration order.</summary>
    public async Task<ImmutableArray<ModelVersionState>> VersionsAsync(string modelId, CancellationToken cancellationToken = default)
    {
        RegistryState state = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        ImmutableDictionary<string, ModelVersionRecord> records = await RecordsAsync(modelId, cancellationToken).ConfigureAwait(false);
        return [.. state.Versions.Select(v => state.State(v, records.GetValueOrDefault(v)))];
    }

    /// <summary>One version's status.</summary>
    /// <exception cref="ModelVersionNotFoundException">Not registered under <paramref name="modelId"/>.</exception>
    public async Task<ModelVersionState> StateAsync(string modelId, string version, CancellationToken cancellationToken = default) =>
        await StateAsync(await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false), version, cancellationToken).ConfigureAwait(false);

    /// <summary>The version deployed under a model id; <see langword="null"/> when none is.</summary>
    public async Task<string?> DeployedAsync(string modelId, CancellationToken cancellationToken = default) =>
        (await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false)).Deployed;

    /// <summary>Which version served a model id at <paramref name="at"/>: the deployed pointer then, and each host's last report by then.</summary>
    public async Task<ServedBy> ServedByAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        RegistryState state = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        string? deployed = null;
        var reports = new SortedDictionary<string, ServingReport>(StringComparer.Ordinal);
        foreach (RegistryEvent e in state.Log.Events.Where(e => e.At <= at))
        {
            switch (e.Kind)
            {
                case RegistryEventKind.Transition when e.To == ModelStatus.Deployed:
                    deployed = e.Version;
                    break;
                case RegistryEventKind.Transition when e.From == ModelStatus.Deployed && e.Version == deployed:
                    deployed = null;
                    break;
                case RegistryEventKind.Loaded or RegistryEventKind.Refused:
                    reports[e.Actor] = new ServingReport(e.Actor, e.Version, e.Kind == RegistryEventKind.Loaded, e.Reason, e.At);
                    break;
            }
        }

        return new ServedBy(modelId, at, deployed, [.. reports.Values]);
    }

    /// <summary>
    /// Verifies a registered version where it lies, changing nothing: its checksums and signature against
    /// <see cref="RegistryOptions.Trust"/>, and its checksums against those registered for it.
    /// </summary>
    /// <exception cref="ModelVersionNotFoundException">Not registered under <paramref name="modelId"/>.</exception>
    public async Task<ModelVerification> VerifyAsync(string modelId, string version, CancellationToken cancellationToken = default)
    {
        RegistryState state = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        return WithDigest(ModelStore.Verify(Path.Combine(Options.ModelsRoot, version), Options.Trust), state.Digest(version));
    }

    /// <summary>
    /// The folder of a registered version, verified against <see cref="RegistryOptions.Trust"/> and the checksums
    /// registered for it; a missing or corrupted folder is moved aside (<c>.quarantine/</c>), restored from the backup
    /// root and verified again.
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version; <see langword="null"/> for the deployed one.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <exception cref="ModelVersionNotFoundException">Not registered, or nothing is deployed.</exception>
    /// <exception cref="ModelVerificationException">It does not verify and no good backup exists.</exception>
    public async Task<VerifiedVersion> OpenAsync(string modelId, string? version = null, CancellationToken cancellationToken = default)
    {
        RegistryState state = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        version ??= state.Deployed ?? throw new ModelVersionNotFoundException(modelId, "(deployed)");
        return Open(version, state.Digest(version));
    }

    /// <summary>
    /// Retention: keeps the newest <see cref="RegistryOptions.KeepVersions"/> versions of the models folder and, in every
    /// model id, the deployed version and the one deployed before it; archives (in each model id that registered it)
    /// and deletes the rest, with their backups, and deletes stale staging folders.
    /// </summary>
    /// <param name="actor">Who prunes.</param>
    /// <param name="cancellationToken">Cancels between versions.</param>
    /// <returns>The version folders deleted.</returns>
    public async Task<ImmutableArray<string>> PruneAsync(RegistryActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureValid();
        var states = new List<RegistryState>();
        foreach (string id in await Store.ListModelIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(await ReadStateAsync(id, cancellationToken).ConfigureAwait(false));
        }

        var kept = states.SelectMany(s => s.DeployedMostRecentFirst.Take(2)).ToHashSet(StringComparer.Ordinal);
        ImmutableArray<string> versions = ModelStore.ListVersions(Options.ModelsRoot);
        var deleted = ImmutableArray.CreateBuilder<string>();
        foreach (string folder in versions.Take(Math.Max(0, versions.Length - Options.KeepVersions)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string version = Path.GetFileName(folder);
            if (kept.Contains(version))
            {
                continue;
            }

            string reason = $"retention: keep_versions {Options.KeepVersions}";
            foreach (RegistryState state in states.Where(s => s.Status(version) is { } status && status != ModelStatus.Archived))
            {
                await MoveAsync(state.ModelId, version, ModelStatus.Archived, actor, reason, cancellationToken).ConfigureAwait(false);
            }

            Directory.Delete(folder, recursive: true);
            if (Options.BackupRoot is { } backup && Directory.Exists(Path.Combine(backup, version)))
            {
                Directory.Delete(Path.Combine(backup, version), recursive: true);
            }

            deleted.Add(folder);
        }

        deleted.AddRange(ModelStore.DeleteStaleStaging(Options.ModelsRoot, _timeProvider));
        return deleted.ToImmutable();
    }

    private async Task<ModelVersionState> MoveAsync(string modelId, string version, ModelStatus to, RegistryActor actor, string? reason, CancellationToken cancellationToken)
    {
        CheckCaller(modelId, actor);
        RegistryState before = await ReadStateAsync(modelId, cancellationToken).ConfigureAwait(false);
        before.Check(version, to, reason);
        if (to is ModelStatus.Candidate or ModelStatus.Approved)
        {
            Open(version, before.Digest(version), restore: false);
        }

        // Seed 003: the reason a version was approved or rejected is kept in its catalogue row's notes.
        ModelVersionRecord? row = to is ModelStatus.Approved or ModelStatus.Rejected
            && (await RecordsAsync(modelId, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(version) is { } record
            ? record with { Notes = $"{record.Notes}{(record.Notes.Length == 0 ? "" : "\n")}{ModelLifecycle.Name(to)} by {actor.Name} ({actor.Role}): {reason}" }
            : null;
        DateTimeOffset at = Now();
        RegistryLog log = await Store.AppendAsync(modelId, current =>
        {
            RegistryState state = RegistryState.Of(current);
            ModelStatus from = state.Check(version, to, reason);
            return new RegistryAppend(state.Chain([state.Move(version, from, to, actor, reason, at, state.Digest(version))]), row);
        }, cancellationToken).ConfigureAwait(false);
        return await StateAsync(RegistryState.OfAppended(log), version, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(string modelId, string version, string host, RegistryEventKind kind, string? reason, string digest, CancellationToken cancellationToken)
    {
        ModelIds.EnsureValid(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var actor = new RegistryActor(host, "host");
        actor.EnsureValid();
        if (kind == RegistryEventKind.Refused)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        }

        DateTimeOffset at = Now();
        await Store.AppendAsync(modelId, current =>
        {
            RegistryState state = RegistryState.Of(current);
            return new RegistryAppend(state.Chain([new RegistryEvent(0, modelId, version, kind, null, null, actor.Name, actor.Role, reason, at, digest ?? "", "", "")]), null);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static (string Deployed, string Target) RollbackPair(RegistryState state, string reason)
    {
        string deployed = state.Deployed ?? throw new IllegalTransitionException(state.ModelId, "(none)", null, ModelStatus.RolledBack, "nothing is deployed.");
        state.Check(deployed, ModelStatus.RolledBack, reason);
        string target = state.RollbackTarget(deployed)
            ?? throw new IllegalTransitionException(state.ModelId, deployed, ModelStatus.Deployed, ModelStatus.RolledBack, "no version was deployed before it to roll back to.");
        return (deployed, target);
    }

    private void PrepareForServing(RegistryState state, string version)
    {
        VerifiedVersion opened = Open(version, state.Digest(version));
        if (Options.BackupRoot is { } backup)
        {
            string copy = Path.Combine(backup, version);
            if (Directory.Exists(copy) && !Matches(ModelStore.Verify(copy, Options.Trust), state.Digest(version)))
            {
                VersionCopies.Quarantine(copy, Now());
            }

            if (!Directory.Exists(copy))
            {
                ModelVerification check = VersionCopies.Copy(opened.Folder, backup, Options.Trust);
                if (!Matches(check, state.Digest(version)))
                {
                    throw new ModelVerificationException(check);
                }
            }
        }
    }

    private VerifiedVersion Open(string version, string registeredDigest, bool restore = true)
    {
        string folder = Path.Combine(Options.ModelsRoot, version);
        ModelVerification check = WithDigest(ModelStore.Verify(folder, Options.Trust), registeredDigest);
        if (check.IsValid)
        {
            return new VerifiedVersion(folder, check, RestoredFromBackup: false);
        }

        string? copy = Options.BackupRoot is { } backup ? Path.Combine(backup, version) : null;
        if (!restore || copy is null || !Matches(ModelStore.Verify(copy, Options.Trust), registeredDigest))
        {
            throw new ModelVerificationException(check);
        }

        if (Directory.Exists(folder))
        {
            VersionCopies.Quarantine(folder, Now());
        }

        ModelVerification restored = WithDigest(VersionCopies.Copy(copy, Options.ModelsRoot, Options.Trust), registeredDigest);
        return restored.IsValid ? new VerifiedVersion(folder, restored, RestoredFromBackup: true) : throw new ModelVerificationException(restored);
    }

    private ModelVerification VerifyFolder(string version)
    {
        if (string.IsNullOrWhiteSpace(version) || version.IndexOfAny(['/', '\\']) >= 0 || version.StartsWith('.'))
        {
            throw new ArgumentException($"'{version}' is not a version folder name.", nameof(version));
        }

        ModelVerification check = ModelStore.Verify(Path.Combine(Options.ModelsRoot, version), Options.Trust);
        return check.IsValid ? check : throw new ModelVerificationException(check);
    }

    private static bool Matches(ModelVerification check, string registeredDigest) => WithDigest(check, registeredDigest).IsValid;

    private static ModelVerification WithDigest(ModelVerification check, string registeredDigest) =>
        check.ChecksumsDigest is null || check.ChecksumsDigest == registeredDigest
            ? check
            : check with { Problems = check.Problems.Add($"{ModelFiles.Checksums} is not the one registered (registered {registeredDigest[..12]}…, found {check.ChecksumsDigest[..12]}…).") };

    private async Task<RegistryState> ReadStateAsync(string modelId, CancellationToken cancellationToken) =>
        RegistryState.Of(await Store.ReadAsync(Valid(modelId), cancellationToken).ConfigureAwait(false));

    private async Task<ModelVersionState> StateAsync(RegistryState state, string version, CancellationToken cancellationToken)
    {
        ImmutableDictionary<string, ModelVersionRecord> records = await RecordsAsync(state.ModelId, cancellationToken).ConfigureAwait(false);
        return state.State(version, records.GetValueOrDefault(version));
    }

    private async Task<ImmutableDictionary<string, ModelVersionRecord>> RecordsAsync(string modelId, CancellationToken cancellationToken) =>
        (await Store.ReadVersionsAsync(modelId, cancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.ModelVersion, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);     // a registration retried after a crash wrote its row twice

    private static void CheckCaller(string modelId, RegistryActor actor)
    {
        ModelIds.EnsureValid(modelId);
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureValid();
    }

    private static string Valid(string modelId)
    {
        ModelIds.EnsureValid(modelId);
        return modelId;
    }

    private DateTimeOffset Now()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);     // to the microsecond, as every store keeps it
    }
}
