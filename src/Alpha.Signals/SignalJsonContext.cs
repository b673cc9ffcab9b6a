using System.Text.Json.Serialization;

namespace Alpha.Signals;

/// <summary>The source-generated (reflection-free, trimming-safe) JSON contract of <see cref="Signal"/>: snake_case, strict.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Signal))]
internal sealed partial class SignalJsonContext : JsonSerializerContext;
