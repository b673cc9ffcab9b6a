namespace Alpha.Boosting.LightGbm;

/// <summary>A native LightGBM call failed; the message is <c>LGBM_GetLastError</c>'s text, prefixed by the call.</summary>
public sealed class LightGbmException : Exception
{
    /// <summary>Creates the exception for the failed call <paramref name="call"/>.</summary>
    public LightGbmException(string call, string nativeMessage)
        : base($"{call} failed: {nativeMessage}")
    {
        Call = call;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LightGbmException()
        : this("<unknown>", "unknown error")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LightGbmException(string message)
        : base(message)
    {
        Call = "<unknown>";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public LightGbmException(string message, Exception innerException)
        : base(message, innerException)
    {
        Call = "<unknown>";
    }

    /// <summary>The native function that failed (e.g. <c>LGBM_BoosterUpdateOneIter</c>).</summary>
    public string Call { get; }
}
