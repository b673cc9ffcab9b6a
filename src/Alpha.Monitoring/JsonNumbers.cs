using System.Text.Json;

namespace Alpha.Monitoring;

/// <summary>How the package's JSON writes a number that may not be one (an insufficient window, an AUC of one class): null.</summary>
internal static class JsonNumbers
{
    public static void WriteOrNull(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
