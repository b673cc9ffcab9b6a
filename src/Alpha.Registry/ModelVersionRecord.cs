namespace Alpha.Registry;

/// <summary>
/// A registered version's catalogue row: seed 003's <c>core.model_registry</c> columns, read from the version folder
/// when it is registered (the status column follows the events).
/// </summary>
/// <param name="ModelVersion">The version.</param>
/// <param name="ModelId">Its model id.</param>
/// <param name="CreatedAt">When training wrote it (<c>run.json</c>).</param>
/// <param name="CreatedBy">Who registered it.</param>
/// <param name="DatasetIndexPath">Full path of <c>dataset_index.json</c>.</param>
/// <param name="FeatureSchemaPath">Full path of <c>feature_schema.json</c>.</param>
/// <param name="ModelAi1Path">Full path of the AI1 booster.</param>
/// <param name="ModelAi2Path">Full path of the AI2 booster.</param>
/// <param name="ParamsYamlPath">Full path of <c>params.yaml</c>.</param>
/// <param name="MetricsJson">The content of <c>metrics.json</c>.</param>
/// <param name="Theta1">θ1 the version ships with; NaN when its metrics do not state it.</param>
/// <param name="Theta2">θ2; NaN when not stated.</param>
/// <param name="CodeHash">The code hash (<c>code_hash</c>); empty when absent.</param>
/// <param name="DataHash">The data hash (<c>dataset_index.json</c>'s <c>data_hash</c>); empty when absent.</param>
/// <param name="Seed">The run's seed; null when absent.</param>
/// <param name="Notes">The registration's note, then the approval or rejection with its actor and reason (seed 003: the reason is kept with the row).</param>
public sealed record ModelVersionRecord(
    string ModelVersion,
    string ModelId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string DatasetIndexPath,
    string FeatureSchemaPath,
    string ModelAi1Path,
    string ModelAi2Path,
    string ParamsYamlPath,
    string MetricsJson,
    double Theta1,
    double Theta2,
    string CodeHash,
    string DataHash,
    long? Seed,
    string Notes);
