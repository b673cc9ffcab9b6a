using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Worker.Tests;
using static Alpha.Api.Tests.SignalsTests;

namespace Alpha.Api.Tests;

/// <summary><c>models/{id}/predict</c>: a feature row through the kind, or bars through a fresh engine — the signal the worker gives.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class PredictTests(ApiServer server)
{
    [ServersSharedDataFact]
    public async Task Bars_ThroughTheFirstSignalsBar_GiveThatSignal_IdForId()
    {
        Signal first = ApiServer.Pair.ExpectedSignals[0];
        DateTime through = first.Timestamp.UtcDateTime;
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject prediction) = await PostAsync(ed, $"/api/v1/models/{DeployedPair.ModelId}/predict", BarsBody(
            Delivered.Take(ApiServer.Pair.A, through), Delivered.Take(ApiServer.Pair.B, through)));

        Assert.True(status == HttpStatusCode.OK, prediction.ToJsonString());
        Assert.Equal(ApiServer.Pair.Version, prediction["model_version"]!.GetValue<string>());
        Assert.True(prediction["is_warm"]!.GetValue<bool>());
        JsonNode signal = Assert.Single(prediction["signals"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SignalJson.Serialize(first)), signal), signal.ToJsonString());
        Assert.Equal(1, prediction["signals_in_window"]!.GetValue<int>());
        Assert.Equal(first.ReturnProb, prediction["last"]!["return_prob"]!.GetValue<double>());
        Assert.True(prediction["last"]!["entered"]!.GetValue<bool>());
    }

    [ServersSharedDataFact]
    public async Task Features_GiveTheKindsOutputs_AndTheGates()
    {
        ModelDefinition model = ModelCatalogue.Load(ApiServer.Pair.Catalogue, PredictorKinds.BuiltIn).Find(DeployedPair.ModelId)!;
        IPredictor predictor = new PairGbdtKind().Load(model, await ApiServer.Pair.Registry().OpenAsync(DeployedPair.ModelId));
        double[] features = [1.02, 2.4, 0.3, 1.9, 0.02, 35, 0.91, 0.001, 0.05, 0.0011, 0.0012, 0.0009, 0.9, 0.0004, -0.2, 12, 0.01];
        double[] input = new double[17], output = new double[predictor.OutputCount];
        predictor.PrepareInput(features, input);
        predictor.Predict(input, output);
        predictor.PostProcess(output);
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject prediction) = await PostAsync(ed, $"/api/v1/models/{DeployedPair.ModelId}/predict",
            "{\"features\":[" + string.Join(",", features.Select(f => f.ToString("R", CultureInfo.InvariantCulture))) + "]}");

        Assert.True(status == HttpStatusCode.OK, prediction.ToJsonString());
        Assert.Equal(output, prediction["outputs"]!.AsArray().Select(o => o!.GetValue<double>()));
        Assert.Equal(input, prediction["input"]!.AsArray().Select(o => o!.GetValue<double>()));
        TradingOutputs trading = predictor.Trading!;
        JsonNode gates = prediction["trading"]!;
        Assert.Equal((trading.Theta1, trading.Theta2), (gates["theta1"]!.GetValue<double>(), gates["theta2"]!.GetValue<double>()));
        Assert.Equal(DecisionRule.Enters(output[0], output[1], trading.Theta1, trading.Theta2), gates["passes_gates"]!.GetValue<bool>());
    }

    [ServersSharedDataTheory]
    [InlineData("{\"features\":[1,2,3]}", "17 values are needed")]
    [InlineData("{\"features\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,\"NaN\"]}", "features")]
    [InlineData("{\"features\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,1e999]}", "features")]
    [InlineData("{}", "either features")]
    [InlineData("{\"features\":[],\"bars\":{\"a\":[],\"b\":[]}}", "either features")]
    [InlineData("{\"bars\":{\"a\":[],\"b\":[]}}", "bars.a: at least one bar")]
    [InlineData("{\"bars\":{\"a\":[{\"time\":\"2024-01-01T00:00:00Z\",\"open\":1,\"high\":0.5,\"low\":0.9,\"close\":1,\"volume\":0}],\"b\":[{\"time\":\"2024-01-01T00:00:00Z\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":0}]}}", "bars.a[0]")]
    [InlineData("{\"bars\":{\"a\":[{\"time\":\"2024-01-01T04:00:00Z\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":0},{\"time\":\"2024-01-01T00:00:00Z\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":0}],\"b\":[{\"time\":\"2024-01-01T00:00:00Z\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":0}]}}", "bars.a[1]")]
    public async Task Predict_BadBody_IsAProblemNamingIt(string body, string problem)
    {
        using HttpClient ed = server.As("ed");

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await ed.PostAsync($"/api/v1/models/{DeployedPair.ModelId}/predict", content);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Contains(problem, text, StringComparison.Ordinal);
    }

    [ServersSharedDataFact]
    public async Task Predict_UnknownModel_IsNotFound()
    {
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject problem) = await PostAsync(ed, "/api/v1/models/nope/predict", Endpoints.FeatureRow());

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("'nope' is not a model of the catalogue", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string BarsBody(Bar[] a, Bar[] b) => new JsonObject
    {
        ["bars"] = new JsonObject { ["a"] = Bars(a), ["b"] = Bars(b) },
    }.ToJsonString();

    private static JsonArray Bars(Bar[] bars) => [.. bars.Select(b => (JsonNode)new JsonObject
    {
        ["time"] = new DateTimeOffset(b.Time, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        ["open"] = b.Open,
        ["high"] = b.High,
        ["low"] = b.Low,
        ["close"] = b.Close,
        ["volume"] = b.Volume,
    })];
}
