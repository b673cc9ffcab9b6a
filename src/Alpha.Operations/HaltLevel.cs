namespace Alpha.Operations;

/// <summary>How hard a halt stops a scope.</summary>
public enum HaltLevel
{
    /// <summary>No new entries; exits continue.</summary>
    Soft = 1,

    /// <summary>No signals at all.</summary>
    Hard = 2,
}
