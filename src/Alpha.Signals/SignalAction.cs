using System.Text.Json.Serialization;

namespace Alpha.Signals;

/// <summary>What a signal asks for: open the pair position or close it. Only entries and exits are emitted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalAction>))]
public enum SignalAction
{
    /// <summary>Open the pair position (<c>entry</c>).</summary>
    [JsonStringEnumMemberName("entry")]
    Entry,

    /// <summary>Close it (<c>exit</c>).</summary>
    [JsonStringEnumMemberName("exit")]
    Exit,
}
