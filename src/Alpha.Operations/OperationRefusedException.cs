namespace Alpha.Operations;

/// <summary>An operation was refused; the message says why in words an operator can act on, <see cref="Refusal"/> which kind.</summary>
public sealed class OperationRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OperationRefusedException(OpsRefusal refusal, string message, Exception? innerException = null)
        : base(message, innerException) => Refusal = refusal;

    /// <summary>Creates an exception with a generic message.</summary>
    public OperationRefusedException()
        : this(OpsRefusal.Invalid, "The operation was refused.")
    {
    }

    /// <summary>Creates an exception.</summary>
    public OperationRefusedException(string message)
        : this(OpsRefusal.Invalid, message)
    {
    }

    /// <summary>Creates an exception.</summary>
    public OperationRefusedException(string message, Exception innerException)
        : this(OpsRefusal.Invalid, message, innerException)
    {
    }

    /// <summary>Which kind of refusal.</summary>
    public OpsRefusal Refusal { get; }
}
