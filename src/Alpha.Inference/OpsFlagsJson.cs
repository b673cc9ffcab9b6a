using System.Text.Json;

namespace Alpha.Inference;

/// <summary>
/// One entry's flags as the stores keep them: <c>{"soft_halt":false,"hard_halt":false,"flatten":false,"leverage_scale":1}</c>
/// (every field required, leverage scale in (0, 1]).
/// </summary>
public static class OpsFlagsJson
{
    /// <summary>The flags as JSON.</summary>
    public static string Serialize(OpsFlags flags) => FormattableString.Invariant(
        $"{{\"soft_halt\":{Bool(flags.SoftHalt)},\"hard_halt\":{Bool(flags.HardHalt)},\"flatten\":{Bool(flags.Flatten)},\"leverage_scale\":{flags.LeverageScale:R}}}");

    /// <summary>Reads flags.</summary>
    /// <exception cref="InvalidDataException">A field is missing or of the wrong type, or the scale is out of range.</exception>
    public static OpsFlags Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement e = document.RootElement;
            var flags = new OpsFlags(e.GetProperty("soft_halt").GetBoolean(), e.GetProperty("hard_halt").GetBoolean(), e.GetProperty("flatten").GetBoolean(), e.GetProperty("leverage_scale").GetDouble());
            return flags.LeverageScale is > 0 and <= 1 ? flags : throw new InvalidDataException($"leverage_scale {flags.LeverageScale} is not in (0, 1].");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not operator flags ({ex.Message}).", ex);
        }
    }

    private static string Bool(bool b) => b ? "true" : "false";
}
