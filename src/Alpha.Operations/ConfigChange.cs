using System.Collections.Immutable;
using System.Text;

namespace Alpha.Operations;

/// <summary>A change of the policy files and where it stands (seed 003's configuration workflow).</summary>
/// <param name="Id">The change's id (a version-7 GUID: ordered by proposal time).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Reason">The proposer's reason.</param>
/// <param name="ProposedBy">The editor who proposed it.</param>
/// <param name="ProposedAt">When (UTC).</param>
/// <param name="Files">The files it replaces, with their texts before and after.</param>
/// <param name="Diff">Every value it changes.</param>
/// <param name="RequiredApprovals">Distinct approvers it needs: 2 when a changed key is high-risk, else 1.</param>
/// <param name="Approvals">The approvals so far, in order.</param>
/// <param name="AppliedBy">Who applied it, or null.</param>
/// <param name="AppliedAt">When it was applied, or null.</param>
/// <param name="RolledBackBy">Who rolled it back, or null.</param>
/// <param name="RolledBackAt">When it was rolled back, or null.</param>
public sealed record ConfigChange(
    Guid Id,
    ConfigChangeStatus Status,
    string Reason,
    OperatorIdentity ProposedBy,
    DateTimeOffset ProposedAt,
    ImmutableArray<ConfigFileChange> Files,
    ImmutableArray<ConfigDiffEntry> Diff,
    int RequiredApprovals,
    ImmutableArray<ConfigApproval> Approvals,
    string? AppliedBy,
    DateTimeOffset? AppliedAt,
    string? RolledBackBy,
    DateTimeOffset? RolledBackAt)
{
    /// <summary>Whether a changed key is high-risk.</summary>
    public bool HighRisk => Diff.Any(d => d.HighRisk);

    /// <summary>SHA-256 of the files before the change (<see cref="StateHash"/>).</summary>
    public string BeforeSha256 => StateHash(Files.Select(f => (f.Name, f.BeforeSha256)));

    /// <summary>SHA-256 of the files after the change (<see cref="StateHash"/>).</summary>
    public string AfterSha256 => StateHash(Files.Select(f => (f.Name, f.AfterSha256)));

    /// <summary>One SHA-256 for a set of files: of the lines <c>name sha256</c>, sorted by name (lowercase hex).</summary>
    public static string StateHash(IEnumerable<(string Name, string Sha256)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        foreach ((string name, string sha) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(name).Append(' ').Append(sha).Append('\n');
        }

        return Alpha.Configuration.ConfigText.Sha256(text.ToString());
    }
}
