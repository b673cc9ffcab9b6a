using System.Collections.Immutable;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Operations;
using Alpha.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary><c>/api/v1/models</c>: the catalogue with registry state and history, and predictions.</summary>
internal static class ModelEndpoints
{
    public static RouteGroupBuilder MapModels(this RouteGroupBuilder api)
    {
        RouteGroupBuilder models = api.MapGroup("/models").WithTags("models")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/", ListAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Every catalogue model with its deployed version and registered versions.");
        models.MapGet("/{id}", GetAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("One catalogue model with its registry state.");
        models.MapGet("/{id}/history", HistoryAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("The model's registry events, oldest first (hash-chained: each names the previous event's hash).");
        models.MapGet("/{id}/equity", EquityAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("The served version's out-of-sample daily equity (the cross-fitted backtest at its θ); 404 when it serves none or its version predates the curve.");
        models.MapPost("/{id}/predict", PredictAsync).RequireOperation(OpsActions.Predict).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Runs the model on a feature row (its prediction and, for pair-gbdt, the model gates) or on both legs' bars (the decision and the signal a worker would give at the last bar).");
        return models;
    }

    private static async Task<Results<Ok<EquityCurve>, ProblemHttpResult>> EquityAsync(string id, ServingConfig serving, OperationsAnalytics analytics, CancellationToken cancellationToken) =>
        serving.Catalogue.Find(id) is null ? UnknownModel(id)
        : await analytics.EquityAsync(id, cancellationToken) is { } curve ? TypedResults.Ok(curve)
        : Problems.NotFound($"{id} serves no version with an out-of-sample equity curve (versions trained before equity.json have none).");

    private static async Task<Ok<ModelView[]>> ListAsync(ServingConfig serving, ModelRegistry registry, CancellationToken cancellationToken)
    {
        var views = new List<ModelView>(serving.Catalogue.Models.Length);
        foreach (ModelDefinition model in serving.Catalogue.Models)
        {
            views.Add(await ViewAsync(model, registry, cancellationToken));
        }

        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(string id, ServingConfig serving, ModelRegistry registry, CancellationToken cancellationToken) =>
        serving.Catalogue.Find(id) is { } model ? TypedResults.Ok(await ViewAsync(model, registry, cancellationToken)) : UnknownModel(id);

    private static async Task<Results<Ok<RegistryEvent[]>, ProblemHttpResult>> HistoryAsync(string id, ServingConfig serving, ModelRegistry registry, CancellationToken cancellationToken) =>
        serving.Catalogue.Find(id) is null ? UnknownModel(id) : TypedResults.Ok((await registry.HistoryAsync(id, cancellationToken)).ToArray());

    private static async Task<Results<Ok<FeaturePrediction>, Ok<BarsPrediction>, ProblemHttpResult>> PredictAsync(
        string id, PredictRequest request, HttpContext context, ServingConfig serving, ModelPredictions predictions, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (serving.Catalogue.Find(id) is not { } model)
        {
            return UnknownModel(id);
        }

        if ((request.Features is null) == (request.Bars is null))
        {
            return Problems.BadRequest("Send either features (17 numbers) or bars (a and b), not both and not neither.");
        }

        OperatorIdentity caller = OperatorClaims.Require(context.User);
        if (request.Features is { } features)
        {
            FeaturePrediction prediction = await predictions.PredictAsync(model, features, cancellationToken);
            await AuditAsync($"features → {string.Join(", ", prediction.Outputs)}");
            return TypedResults.Ok(prediction);
        }

        BarSeries a = Series(model.LegA, request.Bars!.A, "bars.a");
        BarSeries b = Series(model.LegB, request.Bars.B, "bars.b");
        BarsPrediction barsPrediction = await predictions.PredictAsync(model, a, b, cancellationToken);
        await AuditAsync($"{a.Count}+{b.Count} bars → {barsPrediction.Signals.Length} signal(s) at {barsPrediction.Watermark:O}");
        return TypedResults.Ok(barsPrediction);

        async Task AuditAsync(string what) => _ = await audit.AppendAsync(
            new AuditRecord(time.GetUtcNow(), caller.Name, caller.Role, OpsActions.Predict, id, null, OpsDesk.PayloadHash($"{id}\n{what}"), AuditOutcome.Applied, what), cancellationToken);
    }

    private static BarSeries Series(string symbol, IReadOnlyList<BarInput>? bars, string field)
    {
        if (bars is null || bars.Count == 0)
        {
            throw new ArgumentException($"{field}: at least one bar is needed.");
        }

        if (bars.Count > ModelPredictions.MaxBarsPerLeg)
        {
            throw new ArgumentException($"{field}: at most {ModelPredictions.MaxBarsPerLeg} bars, not {bars.Count}.");
        }

        try
        {
            return BarSeries.FromBars(symbol, bars.Select(b => new Bar(b.Time.UtcDateTime, b.Open, b.High, b.Low, b.Close, b.Volume)));
        }
        catch (BarFormatException e)
        {
            throw new ArgumentException($"{field}[{e.Line - 1}]: {e.Column}: {e.Problem}", e);
        }
    }

    private static async Task<ModelView> ViewAsync(ModelDefinition model, ModelRegistry registry, CancellationToken cancellationToken)
    {
        // One read of the registry's log: the deployed pointer is the version whose state is deployed.
        ImmutableArray<ModelVersionState> versions = await registry.VersionsAsync(model.ModelId, cancellationToken);
        string? deployed = versions.FirstOrDefault(v => v.Status == ModelStatus.Deployed)?.Version;
        return new ModelView(model.ModelId, model.Kind, model.PairId, model.LegA, model.LegB, (int)model.Timeframe.TotalSeconds, model.Version, model.Shard, deployed, [.. versions.Select(VersionView.Of)]);
    }

    private static ProblemHttpResult UnknownModel(string id) => Problems.NotFound($"'{id}' is not a model of the catalogue.");
}
