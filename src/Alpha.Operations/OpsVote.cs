namespace Alpha.Operations;

/// <summary>What an approver's vote on a two-approver request did.</summary>
/// <param name="Request">The request: the one now approved, the caller's own still pending, or the new one.</param>
/// <param name="Approved">True when it completed a request of another approver: the operation applies now.</param>
/// <param name="Repeated">True when the caller already has the same request pending (a second approver must be someone else).</param>
public sealed record OpsVote(OpsRequest Request, bool Approved, bool Repeated);
