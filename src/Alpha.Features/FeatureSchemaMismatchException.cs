namespace Alpha.Features;

/// <summary>A feature vector or schema does not match the model's schema (different hash): inference refuses it.</summary>
public sealed class FeatureSchemaMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the expected and actual schema hashes.</summary>
    public FeatureSchemaMismatchException(string expectedHash, string actualHash)
        : base($"Feature schema {actualHash} does not match the model's schema {expectedHash}; the features were built differently from the model's training.")
    {
        ExpectedHash = expectedHash;
        ActualHash = actualHash;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FeatureSchemaMismatchException()
        : this("<unknown>", "<unknown>")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FeatureSchemaMismatchException(string message)
        : base(message)
    {
        ExpectedHash = ActualHash = "<unknown>";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FeatureSchemaMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExpectedHash = ActualHash = "<unknown>";
    }

    /// <summary>The model's schema hash.</summary>
    public string ExpectedHash { get; }

    /// <summary>The offered schema's hash.</summary>
    public string ActualHash { get; }
}
