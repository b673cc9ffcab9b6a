namespace Alpha.Operations;

/// <summary>
/// What an operator may do (seed 003's RBAC), each role including the ones below it: a viewer reads, an editor also
/// predicts and requests retraining, an approver also halts, flattens, resumes and rolls back, an admin also manages keys.
/// </summary>
public enum OperatorRole
{
    /// <summary>Reads models, signals, flags, analytics and the audit trail.</summary>
    Viewer = 1,

    /// <summary>Also runs predictions and requests retraining.</summary>
    Editor = 2,

    /// <summary>Also halts, flattens, resumes (with a second approver) and rolls back.</summary>
    Approver = 3,

    /// <summary>Everything, including API keys.</summary>
    Admin = 4,
}
