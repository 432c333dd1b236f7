using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// The embedded provider's file format: the object's bytes, then its header as JSON, the header's length and a
/// marker. The header goes last because the ETag and size are only known once the content has streamed through;
/// keeping both in one file lets a single rename publish them together, so readers never see one without the other.
/// </summary>
internal static class EmbeddedObjectFile
{
    private const int TrailerLength = sizeof(int) + 8;

    private static readonly byte[] s_marker = "MVOBJ01\n"u8.ToArray();
    private static readonly JsonTypeInfo<EmbeddedObjectHeader> s_headerType =
        EmbeddedObjectJsonContext.Default.EmbeddedObjectHeader;

    public static async Task WriteTrailerAsync(
        Stream file,
        EmbeddedObjectHeader header,
        CancellationToken cancellationToken)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, s_headerType);
        byte[] trailer = new byte[TrailerLength];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, json.Length);
        s_marker.CopyTo(trailer, sizeof(int));
        await file.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await file.WriteAsync(trailer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the header of an open object file; the stream's position is left undefined.</summary>
    public static EmbeddedObjectHeader ReadHeader(FileStream file)
    {
        long length = file.Length;
        if (length < TrailerLength)
        {
            throw Corrupt(file.Name);
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        file.Position = length - TrailerLength;
        file.ReadExactly(trailer);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        bool valid = trailer[sizeof(int)..].SequenceEqual(s_marker)
            && headerLength > 0
            && headerLength <= length - TrailerLength;
        if (!valid)
        {
            throw Corrupt(file.Name);
        }

        byte[] json = new byte[headerLength];
        file.Position = length - TrailerLength - headerLength;
        file.ReadExactly(json);
        EmbeddedObjectHeader? header = JsonSerializer.Deserialize(json, s_headerType);
        if (header is null || header.Size != length - TrailerLength - headerLength)
        {
            throw Corrupt(file.Name);
        }

        return header;
    }

    private static ObjectStoreException Corrupt(string path) => new(
        $"The embedded object file '{path}' is not in the expected format; it was changed outside the SDK. "
        + "Delete it, or the whole folder to start with an empty store.");
}
