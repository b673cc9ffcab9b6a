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
        ]);
}
