using System.Text.Json.Serialization;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// What the embedded provider stores with each object, in the object file's trailer.
/// </summary>
internal sealed class EmbeddedObjectHeader
{
    public required string Key { get; init; }

    public long Size { get; set; }

    public string ETag { get; set; } = string.Empty;

    public required string ContentType { get; init; }

    public string? CacheControl { get; init; }

    public DateTimeOffset LastModified { get; set; }

    public required Dictionary<string, string> Metadata { get; init; }

    public ObjectEncryption Encryption { get; init; }

    public string? KmsKeyId { get; init; }

    public ObjectProperties ToProperties() => new()
    {
        Key = Key,
        Size = Size,
        ETag = ETag,
        ContentType = ContentType,
        CacheControl = CacheControl,
        LastModified = LastModified,
        Metadata = new Dictionary<string, string>(Metadata, StringComparer.OrdinalIgnoreCase),
        Encryption = Encryption,
        KmsKeyId = KmsKeyId,
    };
}

/// <summary>Source-generated JSON for <see cref="EmbeddedObjectHeader"/>, so the provider stays
/// trimming-safe.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmbeddedObjectHeader))]
internal sealed partial class EmbeddedObjectJsonContext : JsonSerializerContext;
