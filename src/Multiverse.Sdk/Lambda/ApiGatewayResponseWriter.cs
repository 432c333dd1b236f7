using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Writes the buffered response as the JSON result API Gateway expects: payload 2.0 joins repeated headers
/// with commas and carries Set-Cookie in <c>cookies</c>; payload 1.0 uses <c>multiValueHeaders</c>. Bodies
/// that are not text go base64-encoded.
/// </summary>
internal static class ApiGatewayResponseWriter
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(
        ApiGatewayPayloadFormat format,
        int statusCode,
        IHeaderDictionary headers,
        ReadOnlySpan<byte> body,
        IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode", statusCode);
        if (format == ApiGatewayPayloadFormat.Version2)
        {
            WriteVersion2Headers(writer, headers);
        }
        else
        {
            WriteVersion1Headers(writer, headers);
        }

        bool isText = IsText(headers) && Utf8.IsValid(body);
        if (isText)
        {
            writer.WriteString("body", body);
        }
        else
        {
            writer.WriteBase64String("body", body);
        }

        writer.WriteBoolean("isBase64Encoded", !isText);
        writer.WriteEndObject();
    }

    private static void WriteVersion2Headers(Utf8JsonWriter writer, IHeaderDictionary headers)
    {
        writer.WriteStartObject("headers");
        foreach ((string name, StringValues values) in headers)
        {
            if (!string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                writer.WriteString(name, values.Count == 1 ? values[0] : string.Join(',', values.ToArray()));
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("cookies");
        foreach (string? cookie in headers.SetCookie)
        {
            writer.WriteStringValue(cookie);
        }

        writer.WriteEndArray();
    }

    private static void WriteVersion1Headers(Utf8JsonWriter writer, IHeaderDictionary headers)
    {
        writer.WriteStartObject("multiValueHeaders");
        foreach ((string name, StringValues values) in headers)
        {
            writer.WriteStartArray(name);
            foreach (string? value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static bool IsText(IHeaderDictionary headers)
    {
        if (headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            return false;
        }

        string? contentType = headers.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType[..parameters];
        }

        mediaType = mediaType.Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }
}
