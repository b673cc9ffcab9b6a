using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Alpha.Api.Tests;

/// <summary>
/// Seeded request bodies that are wrong in the ways clients get them wrong: random bytes, truncated JSON, valid bodies
/// with a field replaced by a value of another type, dropped, doubled, renamed or given an absurd value, deep nesting,
/// huge strings, control characters — plus random JSON documents.
/// </summary>
public sealed class BodyFuzzer(ulong seed)
{
    private static readonly string[] s_absurd =
    [
        "null", "true", "-1", "0", "1e308", "-1e308", "1e999", "\"NaN\"", "\"Infinity\"", "\"\"", "\"*\"", "[]", "{}", "[[[[[[]]]]]]",
        "\"2024-13-45T99:99:99Z\"", "\"\\u0000\"", "\"hard\"", "\"HARD\"", "4.9e-324", "9007199254740993", "\"audnzd-h4\"",
        "\"" + new string('x', 20_000) + "\"", "\"\\n\\r\\t\"", "\"' OR 1=1 --\"", "\"<script>\"", "\"ü\u200b\"",
    ];

    private readonly Lcg _random = new(seed);

    public (string Body, string Kind) Next(string valid)
    {
        int kind = Pick(9);
        return kind switch
        {
            0 => (Encoding.Latin1.GetString([.. Enumerable.Range(0, Pick(200)).Select(_ => (byte)Pick(256))]), "bytes"),
            1 => (valid[..Pick(Math.Max(1, valid.Length - 1))], "truncated"),
            2 => (Mutate(valid, (o, key) => o[key] = JsonNode.Parse(s_absurd[Pick(s_absurd.Length)])), "replaced"),
            3 => (Mutate(valid, (o, key) => o.Remove(key)), "dropped"),
            4 => (Mutate(valid, (o, key) => o["x_" + key + Pick(100).ToString(CultureInfo.InvariantCulture)] = 1), "unknown field"),
            5 => (valid.Replace("{", "{\"" + "a\":{", StringComparison.Ordinal) + "}", "nested"),
            6 => (RandomJson(Pick(6))?.ToJsonString() ?? "null", "random json"),
            7 => (new string('[', 2_000) + new string(']', 2_000), "deep"),
            _ => (Mutate(valid, (o, key) => o[key.ToUpperInvariant()] = o[key]?.DeepClone()), "recased"),
        };
    }

    private string Mutate(string valid, Action<JsonObject, string> change)
    {
        var o = (JsonObject)JsonNode.Parse(valid)!;
        string[] keys = [.. o.Select(p => p.Key)];
        change(o, keys.Length == 0 ? "model" : keys[Pick(keys.Length)]);
        return o.ToJsonString();
    }

    private JsonNode? RandomJson(int depth) => Pick(depth == 0 ? 4 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next() * 2e6 - 1e6),
        2 => JsonValue.Create(new string((char)('a' + Pick(26)), Pick(30))),
        3 => JsonValue.Create(Pick(2) == 1),
        4 => new JsonArray([.. Enumerable.Range(0, Pick(5)).Select(_ => RandomJson(depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, Pick(5)).Select(i => new KeyValuePair<string, JsonNode?>(
            (string[])["model", "pair", "reason", "level", "leverage_scale", "features", "bars"] is var names ? names[Pick(names.Length)] + (i > 0 ? i.ToString(CultureInfo.InvariantCulture) : "") : "", RandomJson(depth - 1)))),
    };

    private int Pick(int n) => (int)(_random.Next() * n) % n;
}
