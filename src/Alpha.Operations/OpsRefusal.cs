namespace Alpha.Operations;

/// <summary>Why an operation was refused (an API answers 400, 403, 404 and 409 for them).</summary>
public enum OpsRefusal
{
    /// <summary>A field is missing or invalid (named in the message).</summary>
    Invalid = 1,

    /// <summary>The operator's role does not allow it.</summary>
    Forbidden = 2,

    /// <summary>The model (or pair) is not in the catalogue.</summary>
    NotFound = 3,

    /// <summary>It conflicts with the current state: the same approver twice, nothing to roll back to.</summary>
    Conflict = 4,
}
