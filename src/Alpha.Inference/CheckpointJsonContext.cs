using System.Text.Json.Serialization;

namespace Alpha.Inference;

/// <summary>The source-generated JSON of <see cref="EngineCheckpoint"/>: snake_case, every constructor parameter required, NaN written as "NaN".</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EngineCheckpoint))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
