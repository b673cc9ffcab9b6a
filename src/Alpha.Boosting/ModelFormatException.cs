namespace Alpha.Boosting;

/// <summary>A model file that cannot be loaded: malformed, truncated or of an unsupported kind. <see cref="Location"/> names the line or field.</summary>
public sealed class ModelFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="location"/> (e.g. "line 14, key threshold" or "learner.objective.name").</summary>
    public ModelFormatException(string location, string problem)
        : base($"{location}: {problem}")
    {
        Location = location;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ModelFormatException()
        : this("<model>", "invalid model")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
        Location = "<model>";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "<model>";
    }

    /// <summary>Where in the model the problem is: a line and key for LightGBM text, a JSON path for XGBoost.</summary>
    public string Location { get; }

    /// <summary>A value from the file as a message quotes it: at most 80 characters, a longer one cut with its length.</summary>
    internal static string Quote(string value) =>
        value.Length <= 80 ? value : $"{value[..77]}... ({value.Length} characters)";
}
