namespace Alpha.Registry;

/// <summary>
/// One append-only entry of a model id's log. <see cref="Hash"/> is the SHA-256 of the event's canonical form
/// (every other field) and <see cref="PreviousHash"/> that of the event before it, so the log is a hash chain: an
/// edited, removed or reordered event shows.
/// </summary>
/// <param name="Sequence">1, 2, 3, … within the model id.</param>
/// <param name="ModelId">The scope: the catalogue model id.</param>
/// <param name="Version">The model version.</param>
/// <param name="Kind">A lifecycle move or a host's report.</param>
/// <param name="From">The status before a move; <see langword="null"/> for a registration and for reports.</param>
/// <param name="To">The status after a move; <see langword="null"/> for reports.</param>
/// <param name="Actor">Who acted (a person, <c>retrain</c>, or the reporting host).</param>
/// <param name="Role">The actor's role.</param>
/// <param name="Reason">Why (required for approve, reject, deploy and rollback; a refusal's reason for reports).</param>
/// <param name="At">When, UTC, to the microsecond.</param>
/// <param name="ChecksumsDigest">SHA-256 of the version's <c>checksums.json</c> at the time (empty when a host reports a version it could not read).</param>
/// <param name="PreviousHash">The previous event's <see cref="Hash"/>; 64 zeros for the first.</param>
/// <param name="Hash">SHA-256 of this event's canonical form.</param>
public sealed record RegistryEvent(
    long Sequence,
    string ModelId,
    string Version,
    RegistryEventKind Kind,
    ModelStatus? From,
    ModelStatus? To,
    string Actor,
    string Role,
    string? Reason,
    DateTimeOffset At,
    string ChecksumsDigest,
    string PreviousHash,
    string Hash);
