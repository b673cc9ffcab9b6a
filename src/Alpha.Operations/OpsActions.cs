using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>The audited operations and the least role each needs — the one table the desk and an API's authorization read.</summary>
public static class OpsActions
{
    /// <summary>Soft or hard halt of a scope.</summary>
    public const string Halt = "ops.halt";

    /// <summary>Exit every open position of a scope, no new entries.</summary>
    public const string Flatten = "ops.flatten";

    /// <summary>Clear a scope's halts and flatten (two distinct approvers).</summary>
    public const string Resume = "ops.resume";

    /// <summary>Repoint a model's deployed version to the previous one.</summary>
    public const string Rollback = "ops.rollback";

    /// <summary>Ask the retraining service for a run.</summary>
    public const string Retrain = "ops.retrain";

    /// <summary>Run a model on bars or a feature row.</summary>
    public const string Predict = "models.predict";

    /// <summary>Check proposed policy files with the retrain flow's binding.</summary>
    public const string ConfigValidate = "configs.validate";

    /// <summary>Propose a change of the policy files.</summary>
    public const string ConfigPropose = "configs.propose";

    /// <summary>Approve a proposed change (two distinct approvers for high-risk keys).</summary>
    public const string ConfigApprove = "configs.approve";

    /// <summary>Write an approved change to the policy files.</summary>
    public const string ConfigApply = "configs.apply";

    /// <summary>Restore the policy files an applied change replaced.</summary>
    public const string ConfigRollback = "configs.rollback";

    /// <summary>The least role of each operation.</summary>
    public static ImmutableSortedDictionary<string, OperatorRole> RequiredRole { get; } = ImmutableSortedDictionary.CreateRange<string, OperatorRole>(
        StringComparer.Ordinal,
        [
            new(Halt, OperatorRole.Approver),
            new(Flatten, OperatorRole.Approver),
            new(Resume, OperatorRole.Approver),
            new(Rollback, OperatorRole.Approver),
            new(Retrain, OperatorRole.Editor),
            new(Predict, OperatorRole.Editor),
            new(ConfigValidate, OperatorRole.Editor),
            new(ConfigPropose, OperatorRole.Editor),
            new(ConfigApprove, OperatorRole.Approver),
            new(ConfigApply, OperatorRole.Approver),
            new(ConfigRollback, OperatorRole.Approver),
        ]);

    /// <summary>Why <paramref name="by"/> may not perform <paramref name="action"/> (its least role), or null when they may.</summary>
    internal static string? RoleProblem(string action, OperatorIdentity by)
    {
        OperatorRole required = RequiredRole[action];
        return by.Has(required) ? null : $"{action} needs the {OperatorRoles.Name(required)} role; {by.Name} is {OperatorRoles.Name(by.Role)}.";
    }
}
