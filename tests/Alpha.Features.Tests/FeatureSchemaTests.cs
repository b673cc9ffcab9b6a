namespace Alpha.Features.Tests;

public sealed class FeatureSchemaTests
{
    private static FeatureSchema Schema(PairFeatureOptions? windows = null)
    {
        var pair = SyntheticPair.Create(900, seed: 41);
        FeatureFrame frame = pair.Features(pair.Segments((0, 900)));
        return FeatureSchema.Create(windows ?? new PairFeatureOptions(), RobustScaler.Fit(frame, Enumerable.Range(360, 500).ToArray()));
    }

    [Fact]
    public void Json_RoundTripsToTheSameHash()
    {
        FeatureSchema schema = Schema();
        FeatureSchema loaded = FeatureSchema.FromJson(schema.CanonicalJson);

        Assert.Equal(schema.Hash, loaded.Hash);
        Assert.Equal(schema.CanonicalJson, loaded.CanonicalJson);
        Assert.Equal(schema.Scaler.Medians.ToArray(), loaded.Scaler.Medians.ToArray());
        Assert.Matches("^[0-9a-f]{64}$", schema.Hash);
    }

    [Fact]
    public void Hash_ChangesWithAWindow() =>
        Assert.NotEqual(Schema().Hash, Schema(new PairFeatureOptions { SlopeWindow = 21 }).Hash);

    [Fact]
    public void Json_NamesTheFeaturesInModelOrder()
    {
        string json = Schema().CanonicalJson;
        Assert.StartsWith("""{"format_version":1,"features":["beta","z","dz","z_ema","speed","half_life","rho","rho_var","beta_stability","atr_A","atr_B","atr_spread","atr_ratio","ema_gap","slope","rsi_spread","dd_recent"],"windows":{"window":180,""", json, StringComparison.Ordinal);
        Assert.Contains("\"scaler\":{\"kind\":\"median_mad\",\"clip\":5,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_WithAnotherModelsHash_IsRefused()
    {
        FeatureSchema schema = Schema();
        var error = Assert.Throws<FeatureSchemaMismatchException>(() => schema.Scale(new double[17], new double[17], new string('0', 64)));
        Assert.Equal(schema.Hash, error.ActualHash);
    }

    [Fact]
    public void Scale_WithTheModelsHash_Scales()
    {
        FeatureSchema schema = Schema();
        double[] raw = [.. schema.Scaler.Medians];
        var scaled = new double[17];
        schema.Scale(raw, scaled, schema.Hash);
        Assert.All(scaled, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"format_version":2}""")]
    [InlineData("""{"format_version":1,"features":["z"]}""")]
    public void FromJson_Invalid_Throws(string json) =>
        Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson(json));
}
