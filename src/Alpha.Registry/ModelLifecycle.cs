using System.Collections.Frozen;

namespace Alpha.Registry;

/// <summary>
/// The legal moves of DESIGN.md § 6: draft → candidate → approved | rejected; approved → deployed; deployed → retired |
/// rolled_back; retired → deployed; draft, candidate, approved, rejected, retired and rolled_back → archived.
/// </summary>
public static class ModelLifecycle
{
    private static readonly FrozenDictionary<ModelStatus, ModelStatus[]> s_moves = new Dictionary<ModelStatus, ModelStatus[]>
    {
        [ModelStatus.Draft] = [ModelStatus.Candidate, ModelStatus.Archived],
        [ModelStatus.Candidate] = [ModelStatus.Approved, ModelStatus.Rejected, ModelStatus.Archived],
        [ModelStatus.Approved] = [ModelStatus.Deployed, ModelStatus.Archived],
        [ModelStatus.Rejected] = [ModelStatus.Archived],
        [ModelStatus.Deployed] = [ModelStatus.Retired, ModelStatus.RolledBack],
        [ModelStatus.Retired] = [ModelStatus.Deployed, ModelStatus.Archived],
        [ModelStatus.RolledBack] = [ModelStatus.Archived],
        [ModelStatus.Archived] = [],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ModelStatus> s_byName =
        Enum.GetValues<ModelStatus>().ToFrozenDictionary(Name, StringComparer.Ordinal);

    /// <summary>Whether a version may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(ModelStatus from, ModelStatus to) => s_moves.TryGetValue(from, out ModelStatus[]? targets) && targets.Contains(to);

    /// <summary>Whether a move to <paramref name="to"/> must carry a reason: approve, reject, deploy and rollback do.</summary>
    public static bool RequiresReason(ModelStatus to) => to is ModelStatus.Approved or ModelStatus.Rejected or ModelStatus.Deployed or ModelStatus.RolledBack;

    /// <summary>The status's name in events, tables and the CLI: <c>draft</c>, <c>candidate</c>, …, <c>rolled_back</c>, <c>archived</c>.</summary>
    public static string Name(ModelStatus status) => status switch
    {
        ModelStatus.RolledBack => "rolled_back",
        _ when Enum.IsDefined(status) => status.ToString().ToLowerInvariant(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a model status."),
    };

    /// <summary>The status named <paramref name="name"/> (as <see cref="Name"/> writes it).</summary>
    /// <exception cref="ArgumentException">Not a status name (the message lists them).</exception>
    public static ModelStatus Parse(string name) => s_byName.TryGetValue(name ?? "", out ModelStatus status)
        ? status
        : throw new ArgumentException($"'{name}' is not a model status ({string.Join(", ", s_byName.Keys.Order(StringComparer.Ordinal))}).", nameof(name));
}
