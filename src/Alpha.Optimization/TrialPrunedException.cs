namespace Alpha.Optimization;

/// <summary>Thrown by <see cref="Trial.Prune"/> to end a trial early; the study records it as pruned and goes on.</summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialPrunedException()
        : base("The trial was pruned.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrialPrunedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public TrialPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
