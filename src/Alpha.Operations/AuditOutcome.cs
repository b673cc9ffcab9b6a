namespace Alpha.Operations;

/// <summary>How an audited operation ended.</summary>
public enum AuditOutcome
{
    /// <summary>It took effect.</summary>
    Applied = 1,

    /// <summary>It is recorded and waits for a second approver (a resume).</summary>
    Pending = 2,

    /// <summary>It was valid in form but refused (e.g. the same approver twice, nothing to roll back to).</summary>
    Refused = 3,

    /// <summary>The operator's role does not allow it.</summary>
    Denied = 4,

    /// <summary>A store it needs failed; nothing or only the durable part took effect (the detail says which).</summary>
    Failed = 5,
}
