namespace Alpha.Operations;

/// <summary>An approver's approval of a configuration change.</summary>
/// <param name="Name">The approver.</param>
/// <param name="Role">Their role when they approved.</param>
/// <param name="At">When (UTC).</param>
public sealed record ConfigApproval(string Name, OperatorRole Role, DateTimeOffset At);
