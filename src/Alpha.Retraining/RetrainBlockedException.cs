namespace Alpha.Retraining;

/// <summary>
/// A run cannot proceed and retrying would not help: what it needs is missing (no metrics, no data). The run ends
/// <see cref="RetrainRunStatus.Blocked"/> (seed 003); <see cref="Code"/> names the cause, <c>{DOMAIN}_{CATEGORY}_{CODE}</c>.
/// </summary>
public sealed class RetrainBlockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code, e.g. <c>CORE_RETRAIN_METRICS</c>.</param>
    /// <param name="message">What is missing, in words.</param>
    public RetrainBlockedException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with a generic code.</summary>
    public RetrainBlockedException()
        : this(RetrainCodes.Blocked, "The run is blocked.")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public RetrainBlockedException(string message)
        : this(RetrainCodes.Blocked, message)
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public RetrainBlockedException(string message, Exception innerException)
        : base(message, innerException) => Code = RetrainCodes.Blocked;

    /// <summary>The error code.</summary>
    public string Code { get; } = RetrainCodes.Blocked;
}
