using System.Text.Json.Serialization;

namespace Alpha.Signals;

/// <summary>The side of one leg's order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegSide>))]
public enum LegSide
{
    /// <summary>Buy (<c>buy</c>).</summary>
    [JsonStringEnumMemberName("buy")]
    Buy,

    /// <summary>Sell (<c>sell</c>).</summary>
    [JsonStringEnumMemberName("sell")]
    Sell,
}
