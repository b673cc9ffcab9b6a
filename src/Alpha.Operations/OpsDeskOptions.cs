namespace Alpha.Operations;

/// <summary>The desk's settings.</summary>
public sealed record OpsDeskOptions
{
    /// <summary>How long a resume waits for its second approver before it expires. Default 1 hour; (0, 7 days].</summary>
    public TimeSpan ResumeApprovalWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longest reason accepted, in characters. Default 500.</summary>
    public int MaxReasonLength { get; init; } = 500;

    /// <summary>Why <paramref name="reason"/> is not a valid reason (1 to <see cref="MaxReasonLength"/> printable characters; newlines allowed), or null when it is.</summary>
    internal string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || reason.Any(c => char.IsControl(c) && c is not '\n')
            ? $"reason is required: 1 to {MaxReasonLength} printable characters."
            : null;

    /// <summary>Throws unless every setting is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named).</exception>
    public void Validate()
    {
        if (ResumeApprovalWindow <= TimeSpan.Zero || ResumeApprovalWindow > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(ResumeApprovalWindow), ResumeApprovalWindow, "The resume approval window must be in (0, 7 days].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReasonLength, 1, nameof(MaxReasonLength));
    }
}
