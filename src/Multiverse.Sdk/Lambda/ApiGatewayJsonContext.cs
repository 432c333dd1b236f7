using System.Text.Json.Serialization;

namespace Multiverse.Sdk.Lambda;

/// <summary>Source-generated (trimming- and AOT-safe) reading of API Gateway events.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ApiGatewayRequest))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
