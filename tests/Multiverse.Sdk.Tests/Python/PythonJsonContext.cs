using System.Text.Json.Serialization;

namespace Multiverse.Sdk.Tests.Python;

public sealed record AddArguments(int A, int B);

public sealed record SoakArguments(int Index, string Mode);

public sealed record SoakResult(int Index, int Double);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AddArguments))]
[JsonSerializable(typeof(SoakArguments))]
[JsonSerializable(typeof(SoakResult))]
[JsonSerializable(typeof(int))]
public sealed partial class PythonJsonContext : JsonSerializerContext;
