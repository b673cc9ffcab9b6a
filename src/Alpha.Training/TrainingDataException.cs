namespace Alpha.Training;

/// <summary>The data cannot support a training run (too few ready bars, samples or classes); the message says what is missing.</summary>
public sealed class TrainingDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDataException(string message)
        : base(message)
    {
    }
}
