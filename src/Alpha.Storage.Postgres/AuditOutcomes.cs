using Alpha.Operations;

namespace Alpha.Storage.Postgres;

/// <summary>How the audit tables store an <see cref="AuditOutcome"/>.</summary>
internal static class AuditOutcomes
{
    public static string Name(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Applied => "applied",
        AuditOutcome.Pending => "pending",
        AuditOutcome.Refused => "refused",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an audit outcome."),
    };

    public static AuditOutcome Parse(string name, string table) => name switch
    {
        "applied" => AuditOutcome.Applied,
        "pending" => AuditOutcome.Pending,
        "refused" => AuditOutcome.Refused,
        "denied" => AuditOutcome.Denied,
        "failed" => AuditOutcome.Failed,
        _ => throw new InvalidDataException($"{table}: '{name}' is not an outcome."),
    };
}
