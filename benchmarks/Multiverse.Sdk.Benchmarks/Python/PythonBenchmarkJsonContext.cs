using System.Text.Json.Serialization;

namespace Multiverse.Sdk.Benchmarks.Python;

public sealed record AddArguments(int A, int B);

public sealed record EchoArguments(string Payload);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AddArguments))]
[JsonSerializable(typeof(EchoArguments))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
public sealed partial class PythonBenchmarkJsonContext : JsonSerializerContext;
