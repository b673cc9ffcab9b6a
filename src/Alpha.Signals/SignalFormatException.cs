namespace Alpha.Signals;

/// <summary>A signal, or its JSON, breaks the contract; the message names the field and what is wrong.</summary>
public sealed class SignalFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The JSON name of the field concerned (<c>legs[1].quantity</c>), or empty for the document.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The parser's error, when there is one.</param>
    public SignalFormatException(string field, string problem, Exception? innerException = null)
        : base(field.Length == 0 ? $"Not a signal: {problem}" : $"Signal field {field}: {problem}", innerException) => Field = field;

    /// <summary>The JSON name of the field concerned; empty for the document as a whole.</summary>
    public string Field { get; }
}
