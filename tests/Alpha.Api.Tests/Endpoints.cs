using System.Globalization;
using Alpha.Operations;
using Alpha.Worker.Tests;

namespace Alpha.Api.Tests;

/// <summary>
/// Every endpoint of the API, with its role and a valid request: <see cref="EndpointTableTests"/> fails when the app
/// maps an endpoint this table lacks (or the table names one the app does not map), so a new endpoint cannot skip the
/// authorization and audit checks.
/// </summary>
public static class Endpoints
{
    private const string Model = DeployedPair.ModelId;

    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        new("GET", "/api/v1/models/", OperatorRole.Viewer, null, "/api/v1/models", null),
        new("GET", "/api/v1/models/{id}", OperatorRole.Viewer, null, $"/api/v1/models/{Model}", null),
        new("GET", "/api/v1/models/{id}/history", OperatorRole.Viewer, null, $"/api/v1/models/{Model}/history", null),
        new("POST", "/api/v1/models/{id}/predict", OperatorRole.Editor, OpsActions.Predict, $"/api/v1/models/{Model}/predict", FeatureRow()),
        new("GET", "/api/v1/models/{id}/equity", OperatorRole.Viewer, null, $"/api/v1/models/{Model}/equity", null),
        new("GET", "/api/v1/me", OperatorRole.Viewer, null, "/api/v1/me", null),
        new("GET", "/api/v1/configs/", OperatorRole.Viewer, null, "/api/v1/configs?status=proposed", null),
        new("GET", "/api/v1/configs/files", OperatorRole.Viewer, null, "/api/v1/configs/files", null),
        new("GET", "/api/v1/configs/audit", OperatorRole.Approver, null, "/api/v1/configs/audit?limit=10", null),
        new("GET", "/api/v1/configs/{id:guid}", OperatorRole.Viewer, null, "/api/v1/configs/{change}", null),
        new("POST", "/api/v1/configs/validate", OperatorRole.Editor, OpsActions.ConfigValidate, "/api/v1/configs/validate", FoldsEdit(null)),
        new("POST", "/api/v1/configs/propose", OperatorRole.Editor, OpsActions.ConfigPropose, "/api/v1/configs/propose", FoldsEdit("endpoint table")),
        new("POST", "/api/v1/configs/{id:guid}/approve", OperatorRole.Approver, OpsActions.ConfigApprove, "/api/v1/configs/{change}/approve", null),
        new("POST", "/api/v1/configs/{id:guid}/apply", OperatorRole.Approver, OpsActions.ConfigApply, "/api/v1/configs/{change}/apply", null),
        new("POST", "/api/v1/configs/{id:guid}/rollback", OperatorRole.Approver, OpsActions.ConfigRollback, "/api/v1/configs/{change}/rollback", """{"reason":"endpoint table"}"""),
        new("GET", "/api/v1/signals/latest", OperatorRole.Viewer, null, "/api/v1/signals/latest", null),
        new("GET", "/api/v1/signals/history", OperatorRole.Viewer, null, "/api/v1/signals/history?limit=5", null),
        new("POST", "/api/v1/ops/halt", OperatorRole.Approver, OpsActions.Halt, "/api/v1/ops/halt", """{"model":"audnzd-h4","pair":"*","level":"soft","reason":"endpoint table"}"""),
        new("POST", "/api/v1/ops/flatten", OperatorRole.Approver, OpsActions.Flatten, "/api/v1/ops/flatten", """{"model":"audnzd-h4","reason":"endpoint table"}"""),
        new("POST", "/api/v1/ops/resume", OperatorRole.Approver, OpsActions.Resume, "/api/v1/ops/resume", """{"model":"audnzd-h4","reason":"endpoint table","leverage_scale":0.5}"""),
        new("POST", "/api/v1/ops/rollback", OperatorRole.Approver, OpsActions.Rollback, "/api/v1/ops/rollback", """{"model":"audnzd-h4","reason":"endpoint table"}"""),
        new("POST", "/api/v1/ops/retrain", OperatorRole.Editor, OpsActions.Retrain, "/api/v1/ops/retrain", """{"model":"audnzd-h4","reason":"endpoint table"}"""),
        new("GET", "/api/v1/ops/retrain/runs", OperatorRole.Viewer, null, "/api/v1/ops/retrain/runs?model=audnzd-h4&limit=5", null),
        new("GET", "/api/v1/ops/flags", OperatorRole.Viewer, null, "/api/v1/ops/flags", null),
        new("GET", "/api/v1/ops/requests", OperatorRole.Viewer, null, "/api/v1/ops/requests", null),
        new("GET", "/api/v1/ops/audit", OperatorRole.Approver, null, "/api/v1/ops/audit?limit=10", null),
        new("GET", "/api/v1/metrics/model", OperatorRole.Viewer, null, "/api/v1/metrics/model?hours=24", null),
        new("GET", "/api/v1/metrics/trading", OperatorRole.Viewer, null, "/api/v1/metrics/trading", null),
        new("GET", "/api/v1/metrics/data_quality", OperatorRole.Viewer, null, "/api/v1/metrics/data_quality", null),
        new("GET", "/api/v1/metrics/risk", OperatorRole.Viewer, null, "/api/v1/metrics/risk", null),
        new("GET", "/health/live", null, null, "/health/live", null),
        new("GET", "/health/ready", null, null, "/health/ready", null),
        new("GET", "/metrics", null, null, "/metrics", null),
        new("GET", "/openapi/{documentName}.json", null, null, "/openapi/v1.json", null),
        new("GET", "/docs/{documentName?}", null, null, "/docs/", null),
        new("GET", "/docs/scalar.js", null, null, "/docs/scalar.js", null),
        new("GET", "/docs/scalar.aspnetcore.js", null, null, "/docs/scalar.aspnetcore.js", null),
        new("GET", "/docs/favicon.svg", null, null, "/docs/favicon.svg", null),
    ];

    /// <summary>The operator of each role in <see cref="ApiServer"/>.</summary>
    public static string OperatorOf(OperatorRole role) => role switch
    {
        OperatorRole.Viewer => "vera",
        OperatorRole.Editor => "ed",
        OperatorRole.Approver => "alice",
        _ => "ada",
    };

    /// <summary>A low-risk configuration edit (7 folds), with a reason when given.</summary>
    public static string FoldsEdit(string? reason) =>
        $$"""{{{(reason is null ? "" : $"\"reason\":\"{reason}\",")}}"edits":[{"file":"retrain_policy.yaml","key":"cross_validation.folds","value":"7"}]}""";

    /// <summary>A finite feature row (17 values).</summary>
    public static string FeatureRow() =>
        "{\"features\":[" + string.Join(",", Enumerable.Range(0, 17).Select(i => (0.1 * (i - 8)).ToString("R", CultureInfo.InvariantCulture))) + "]}";
}
