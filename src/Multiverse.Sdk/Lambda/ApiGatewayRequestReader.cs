using System.Text.Json;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Reads an API Gateway event in one forward pass over its UTF-8 JSON, keeping only the members the bridge uses.
/// Hand-written rather than serializer-generated because it runs once per invocation and its cost is the largest
/// part of what the bridge adds to a request.
/// </summary>
internal static class ApiGatewayRequestReader
{
    /// <summary>Reads the event; <see langword="null"/> when the JSON is valid but not an object.</summary>
    /// <exception cref="JsonException">The payload is not valid JSON.</exception>
    public static ApiGatewayRequest? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var request = new ApiGatewayRequest();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                request.Version = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("rawPath"u8))
            {
                request.RawPath = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("rawQueryString"u8))
            {
                request.RawQueryString = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("cookies"u8))
            {
                request.Cookies = ReadStringArray(ref reader);
            }
            else if (reader.ValueTextEquals("httpMethod"u8))
            {
                request.HttpMethod = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                request.Path = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("headers"u8))
            {
                request.Headers = ReadStringMap(ref reader);
            }
            else if (reader.ValueTextEquals("multiValueHeaders"u8))
            {
                request.MultiValueHeaders = ReadStringArrayMap(ref reader);
            }
            else if (reader.ValueTextEquals("queryStringParameters"u8))
            {
                request.QueryStringParameters = ReadStringMap(ref reader);
            }
            else if (reader.ValueTextEquals("multiValueQueryStringParameters"u8))
            {
                request.MultiValueQueryStringParameters = ReadStringArrayMap(ref reader);
            }
            else if (reader.ValueTextEquals("body"u8))
            {
                request.Body = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("isBase64Encoded"u8))
            {
                reader.Read();
                request.IsBase64Encoded = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("requestContext"u8))
            {
                request.RequestContext = ReadRequestContext(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return request;
    }

    private static ApiGatewayRequestContext? ReadRequestContext(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var context = new ApiGatewayRequestContext();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("requestId"u8))
            {
                context.RequestId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("stage"u8))
            {
                context.Stage = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                context.Path = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("http"u8))
            {
                context.Http = ReadHttpDescription(ref reader);
            }
            else if (reader.ValueTextEquals("identity"u8))
            {
                context.Identity = ReadIdentity(ref reader);
            }
            else if (reader.ValueTextEquals("authorizer"u8))
            {
                reader.Read();
                context.Authorizer = JsonElement.ParseValue(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return context;
    }

    private static ApiGatewayHttpDescription? ReadHttpDescription(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var http = new ApiGatewayHttpDescription();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("method"u8))
            {
                http.Method = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("path"u8))
            {
                http.Path = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("protocol"u8))
            {
                http.Protocol = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("sourceIp"u8))
            {
                http.SourceIp = ReadString(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return http;
    }

    private static ApiGatewayIdentity? ReadIdentity(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var identity = new ApiGatewayIdentity();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sourceIp"u8))
            {
                identity.SourceIp = ReadString(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return identity;
    }

    private static Dictionary<string, string?>? ReadStringMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            map[name] = ReadString(ref reader);
        }

        return map;
    }

    private static Dictionary<string, string?[]?>? ReadStringArrayMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var map = new Dictionary<string, string?[]?>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            map[name] = ReadStringArray(ref reader);
        }

        return map;
    }

    private static string[]? ReadStringArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return [.. values];
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        // Numbers, booleans or objects where text was expected are ignored like a missing member.
        reader.Skip();
        return null;
    }

    private static bool StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
