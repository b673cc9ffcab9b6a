using System.Text.Json;

namespace Alpha.Calibration.Tests;

/// <summary>The scikit-learn golden file (TestData/calibration_golden.json) and helpers to read it.</summary>
internal static class Golden
{
    private static readonly Lazy<JsonDocument> s_document = new(() => JsonDocument.Parse(File.ReadAllText(TestEnvironment.TestDataFile("calibration_golden.json"))));

    public static JsonElement Section(string name) => s_document.Value.RootElement.GetProperty(name);

    public static TheoryData<string> CaseNames(string section)
    {
        var names = new TheoryData<string>();
        foreach (JsonElement c in Section(section).EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    public static JsonElement Case(string section, string name) =>
        Section(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    // The generator writes NaN as null (JSON has no NaN).
    public static double[] Doubles(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();
}
