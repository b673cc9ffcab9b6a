using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Alpha.Signals.Tests;

public sealed class SignalJsonTests
{
    private const int Seed = 20261207;

    private static readonly JsonSchema s_schema = JsonSchema.FromFile(TestEnvironment.TestDataFile("signal.schema.json"));

    [Fact]
    public void Serialize_WritesTheContract_InSnakeCase()
    {
        string json = Encoding.UTF8.GetString(SignalJson.Serialize(SampleSignals.Entry));

        Assert.Equal(
            "{\"id\":\"a00c07dab75e1b608c63ec0d42d6767c\",\"model_id\":\"audnzd-h4\",\"pair_id\":\"AUDUSD-NZDUSD\",\"action\":\"entry\"," +
            "\"reason\":\"return_prob \\u003E theta1 and risk_score \\u003C theta2\",\"timestamp\":\"2026-12-07T08:00:00Z\",\"valid_until\":\"2026-12-07T16:00:00Z\"," +
            "\"legs\":[{\"symbol\":\"AUDUSD\",\"side\":\"sell\",\"beta_weight\":1,\"quantity\":120000},{\"symbol\":\"NZDUSD\",\"side\":\"buy\",\"beta_weight\":1.0825,\"quantity\":129900}]," +
            "\"z_score\":2.31,\"return_prob\":0.83,\"risk_score\":0.12,\"theta1\":0.7,\"theta2\":0.3,\"risk_flag\":0,\"position_scale\":1," +
            "\"model_version\":\"20261207_1149_bf3d558\",\"metadata\":{\"host\":\"worker-1\"}}",
            json);
        Assert.True(Evaluate(json).IsValid);
    }

    [Fact]
    public void RandomSignals_AreValidAgainstTheSchema_AndRoundTripByteForByte()
    {
        var random = new Random(Seed);
        for (int i = 0; i < 500; i++)
        {
            Signal signal = SampleSignals.Random(random);
            byte[] json = SignalJson.Serialize(signal);

            EvaluationResults result = Evaluate(Encoding.UTF8.GetString(json));
            Assert.True(result.IsValid, $"seed {Seed}, signal {i}: {Encoding.UTF8.GetString(json)}");
            Signal back = SignalJson.Parse(json);
            Assert.Equal(json, SignalJson.Serialize(back));
            Assert.Equal(signal, back);
        }
    }

    [Theory]
    [InlineData("action", "\"hold\"", "action")]
    [InlineData("timestamp", "\"2026-12-07T17:00:00+09:00\"", "timestamp")]
    [InlineData("return_prob", "1.5", "return_prob")]
    [InlineData("position_scale", "0", "position_scale")]
    [InlineData("id", "\"00000000000000000000000000000000\"", "id")]
    [InlineData("valid_until", "\"2026-12-07T08:00:00Z\"", "valid_until")]
    [InlineData("z_score", "\"NaN\"", "z_score")]
    public void BadField_IsRefusedByTheParserAndTheSchema_NamingIt(string field, string value, string named)
    {
        JsonObject document = Document();
        document[field] = JsonNode.Parse(value);
        string json = document.ToJsonString();

        SignalFormatException refused = Assert.Throws<SignalFormatException>(() => SignalJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(named, refused.Field);
        if (field is not ("id" or "valid_until"))      // the schema cannot recompute a hash or compare two times
        {
            Assert.False(Evaluate(json).IsValid);
        }
    }

    [Theory]
    [InlineData("legs[1].quantity")]
    [InlineData("legs[0].side")]
    [InlineData("missing")]
    [InlineData("unknown")]
    [InlineData("one-leg")]
    public void BadStructure_IsRefusedByTheParserAndTheSchema(string what)
    {
        JsonObject document = Document();
        switch (what)
        {
            case "legs[1].quantity": document["legs"]![1]!["quantity"] = -1; break;
            case "legs[0].side": document["legs"]![0]!["side"] = "short"; break;
            case "missing": document.Remove("reason"); break;
            case "unknown": document["extra"] = 1; break;
            default: document["legs"]!.AsArray().RemoveAt(1); break;
        }

        string json = document.ToJsonString();

        Assert.Throws<SignalFormatException>(() => SignalJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.False(Evaluate(json).IsValid);
    }

    [Fact]
    public void InvalidSignal_IsNeverWritten()
    {
        Assert.Equal("z_score", Assert.Throws<SignalFormatException>(() => SignalJson.Serialize(SampleSignals.Entry with { ZScore = double.NaN })).Field);
        Assert.Equal("legs[1].symbol", Assert.Throws<SignalFormatException>(() => SignalJson.Serialize(SampleSignals.Entry with
        {
            Legs = [SampleSignals.Entry.Legs[0], SampleSignals.Entry.Legs[0]],
        })).Field);
        Assert.Equal("id", Assert.Throws<SignalFormatException>(() => SignalJson.Serialize(SampleSignals.Entry with { PairId = "EURUSD-GBPUSD" })).Field);
        Assert.Throws<SignalFormatException>(() => SignalJson.Parse("not json"u8));
        Assert.Throws<SignalFormatException>(() => SignalJson.Parse("null"u8));
    }

    private static JsonObject Document() => JsonNode.Parse(SignalJson.Serialize(SampleSignals.Entry))!.AsObject();

    private static EvaluationResults Evaluate(string json) =>
        s_schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
}
