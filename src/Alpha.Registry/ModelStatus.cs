namespace Alpha.Registry;

/// <summary>Where a model version is in its lifecycle (DESIGN.md § 6); <see cref="ModelLifecycle"/> says which moves are legal.</summary>
public enum ModelStatus
{
    /// <summary>Registered by the retrain flow; not yet through adoption.</summary>
    Draft,

    /// <summary>Passed adoption; waiting for a person's approval.</summary>
    Candidate,

    /// <summary>Approved for deployment.</summary>
    Approved,

    /// <summary>Refused by a person (the reason is recorded).</summary>
    Rejected,

    /// <summary>The version its model id serves (one per model id).</summary>
    Deployed,

    /// <summary>Was deployed until another version replaced it; may be deployed again.</summary>
    Retired,

    /// <summary>Was deployed until a rollback moved away from it.</summary>
    RolledBack,

    /// <summary>Out of the lifecycle for good (its folder may be pruned).</summary>
    Archived,
}
