using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>
/// Builds the events API Gateway sends for an HTTP request: HTTP API payload format 2.0 (also the shape of
/// Lambda function URLs) and REST API proxy payload format 1.0.
/// </summary>
public static class ApiGatewayEvents
{
    public const string SourceIp = "198.51.100.7";

    /// <summary>An HTTP API (payload 2.0) event. The stage "$default" adds no prefix to the path.</summary>
    public static byte[] HttpApiV2(TestRequest request, string stage = "$default", JsonObject? authorizer = null)
    {
        string rawPath = stage == "$default" ? request.RawPath : "/" + stage + request.RawPath;
        var headers = new JsonObject();
        string[] cookies = [];
        foreach (IGrouping<string, KeyValuePair<string, string>> header in
            request.AllHeaders().GroupBy(h => h.Key.ToLowerInvariant()))
        {
            if (header.Key == "cookie")
            {
                cookies = header.SelectMany(h => h.Value.Split("; ")).ToArray();
                continue;
            }

            headers[header.Key] = string.Join(",", header.Select(h => h.Value));
        }

        var requestContext = new JsonObject
        {
            ["accountId"] = "123456789012",
            ["apiId"] = "api-id",
            ["domainName"] = "api-id.execute-api.eu-west-1.amazonaws.com",
            ["domainPrefix"] = "api-id",
            ["http"] = new JsonObject
            {
                ["method"] = request.Method,
                ["path"] = rawPath,
                ["protocol"] = "HTTP/1.1",
                ["sourceIp"] = SourceIp,
                ["userAgent"] = "tests",
            },
            ["requestId"] = "apigw-" + Guid.NewGuid().ToString("N"),
            ["routeKey"] = "$default",
            ["stage"] = stage,
            ["time"] = DateTimeOffset.UtcNow.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["timeEpoch"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        if (authorizer is not null)
        {
            requestContext["authorizer"] = authorizer;
        }

        var root = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = rawPath,
            ["rawQueryString"] = request.RawQuery,
            ["headers"] = headers,
            ["requestContext"] = requestContext,
            ["isBase64Encoded"] = false,
        };
        if (cookies.Length > 0)
        {
            root["cookies"] = new JsonArray(cookies.Select(c => (JsonNode)c).ToArray());
        }

        if (request.RawQuery.Length > 0)
        {
            root["queryStringParameters"] = new JsonObject(ParseQuery(request.RawQuery)
                .GroupBy(p => p.Key)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)string.Join(",", g.Select(p => p.Value)))));
        }

        AddBody(root, request);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A REST API proxy (payload 1.0) event for the request, served from <paramref name="stage"/>.</summary>
    public static byte[] RestApiV1(
        TestRequest request,
        string stage = "prod",
        bool stageInPath = false,
        JsonObject? authorizer = null)
    {
        var headers = new JsonObject();
        var multiValueHeaders = new JsonObject();
        foreach (IGrouping<string, KeyValuePair<string, string>> header in
            request.AllHeaders().GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            headers[header.Key] = header.Last().Value;
            multiValueHeaders[header.Key] = new JsonArray(header.Select(h => (JsonNode)h.Value).ToArray());
        }

        List<KeyValuePair<string, string>> query = ParseQuery(request.RawQuery);
        var requestContext = new JsonObject
        {
            ["accountId"] = "123456789012",
            ["apiId"] = "api-id",
            ["httpMethod"] = request.Method,
            ["identity"] = new JsonObject { ["sourceIp"] = SourceIp, ["userAgent"] = "tests" },
            ["path"] = stageInPath ? "/" + stage + request.RawPath : request.RawPath,
            ["protocol"] = "HTTP/1.1",
            ["requestId"] = "apigw-" + Guid.NewGuid().ToString("N"),
            ["resourcePath"] = "/{proxy+}",
            ["stage"] = stage,
        };
        if (authorizer is not null)
        {
            requestContext["authorizer"] = authorizer;
        }

        var root = new JsonObject
        {
            ["resource"] = "/{proxy+}",
            ["path"] = request.RawPath,
            ["httpMethod"] = request.Method,
            ["headers"] = headers,
            ["multiValueHeaders"] = multiValueHeaders,
            ["queryStringParameters"] = query.Count == 0 ? null : new JsonObject(query
                .GroupBy(p => p.Key)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Last().Value))),
            ["multiValueQueryStringParameters"] = query.Count == 0 ? null : new JsonObject(query
                .GroupBy(p => p.Key)
                .Select(g => KeyValuePair.Create(
                    g.Key,
                    (JsonNode?)new JsonArray(g.Select(p => (JsonNode)p.Value).ToArray())))),
            ["pathParameters"] = new JsonObject { ["proxy"] = request.RawPath.TrimStart('/') },
            ["stageVariables"] = null,
            ["requestContext"] = requestContext,
            ["isBase64Encoded"] = false,
        };
        AddBody(root, request);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void AddBody(JsonObject root, TestRequest request)
    {
        if (request.Body is null)
        {
            root["body"] = null;
            return;
        }

        // API Gateway sends text as is and everything else base64-encoded.
        bool isText = request.ContentType is { } type
            && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal));
        root["body"] = isText ? Encoding.UTF8.GetString(request.Body) : Convert.ToBase64String(request.Body);
        root["isBase64Encoded"] = !isText;
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string rawQuery) =>
        rawQuery.Length == 0
            ? []
            : rawQuery.Split('&').Select(part =>
            {
                int equals = part.IndexOf('=', StringComparison.Ordinal);
                string key = equals < 0 ? part : part[..equals];
                string value = equals < 0 ? string.Empty : part[(equals + 1)..];
                return KeyValuePair.Create(
                    Uri.UnescapeDataString(key),
                    Uri.UnescapeDataString(value.Replace('+', ' ')));
            }).ToList();

    /// <summary>Reads an API Gateway result document into what a client would observe.</summary>
    public static ObservedResponse ParseResult(byte[] result)
    {
        using JsonDocument document = JsonDocument.Parse(result);
        JsonElement root = document.RootElement;
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out JsonElement single) && single.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty header in single.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString()!.Split(',').ToList();
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out JsonElement multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty header in multi.EnumerateObject())
            {
                headers[header.Name] = header.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
            }
        }

        if (root.TryGetProperty("cookies", out JsonElement cookies) && cookies.GetArrayLength() > 0)
        {
            headers["Set-Cookie"] = cookies.EnumerateArray().Select(v => v.GetString()!).ToList();
        }

        string body = root.TryGetProperty("body", out JsonElement bodyElement)
            ? bodyElement.GetString() ?? string.Empty
            : string.Empty;
        bool isBase64 = root.TryGetProperty("isBase64Encoded", out JsonElement flag) && flag.GetBoolean();
        byte[] content = isBase64 ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        return new ObservedResponse(root.GetProperty("statusCode").GetInt32(), headers, content);
    }
}
