namespace Alpha.Boosting.XGBoost;

/// <summary>A native XGBoost call failed; the message is XGBGetLastError()'s text, prefixed by the call.</summary>
public sealed class XGBoostException : Exception
{
    /// <summary>Creates the exception for the failed call <paramref name="call"/>.</summary>
    public XGBoostException(string call, string nativeMessage)
        : base($"{call} failed: {nativeMessage}")
    {
        Call = call;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public XGBoostException()
        : this("<unknown>", "unknown error")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public XGBoostException(string message)
        : base(message)
    {
        Call = "<unknown>";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public XGBoostException(string message, Exception innerException)
        : base(message, innerException)
    {
        Call = "<unknown>";
    }

    /// <summary>The native function that failed (e.g. <c>XGBoosterUpdateOneIter</c>).</summary>
    public string Call { get; }
}
