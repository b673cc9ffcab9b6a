namespace Alpha.Operations;

/// <summary>Where a configuration change is: proposed → approved → applied → rolled back.</summary>
public enum ConfigChangeStatus
{
    /// <summary>Waiting for its approvals.</summary>
    Proposed = 1,

    /// <summary>Approved by as many distinct approvers as it needs; not yet written.</summary>
    Approved = 2,

    /// <summary>Written to the policy files.</summary>
    Applied = 3,

    /// <summary>Applied, then the files it replaced were restored.</summary>
    RolledBack = 4,
}
