namespace Alpha.Operations;

/// <summary>Where a request that waits for someone stands.</summary>
public enum OpsRequestStatus
{
    /// <summary>Waiting (a resume for its second approver, a retrain for the retraining service).</summary>
    Pending = 1,

    /// <summary>Done: approved by a second approver, or taken by the retraining service.</summary>
    Applied = 2,

    /// <summary>Not approved within the approval window; a new request starts over.</summary>
    Expired = 3,
}
