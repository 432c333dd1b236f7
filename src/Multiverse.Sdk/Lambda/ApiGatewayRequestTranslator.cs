using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Multiverse.Sdk.Lambda;

/// <summary>Copies an API Gateway event into the request side of <see cref="LambdaHttpFeatures"/>.</summary>
internal static class ApiGatewayRequestTranslator
{
    public const string AuthenticationType = "ApiGateway";

    public static ApiGatewayPayloadFormat DetectFormat(ApiGatewayRequest request)
    {
        if (string.Equals(request.Version, "2.0", StringComparison.Ordinal) && request.RequestContext?.Http is not null)
        {
            return ApiGatewayPayloadFormat.Version2;
        }

        return request.HttpMethod is not null && request.RequestContext is not null
            ? ApiGatewayPayloadFormat.Version1
            : ApiGatewayPayloadFormat.Unknown;
    }

    public static void Apply(ApiGatewayRequest request, ApiGatewayPayloadFormat format, LambdaHttpFeatures features)
    {
        ApiGatewayRequestContext context = request.RequestContext!;
        IHeaderDictionary headers = features.RequestHeaders;
        string rawPath;
        string pathBase;
        if (format == ApiGatewayPayloadFormat.Version2)
        {
            features.Method = context.Http!.Method ?? HttpMethods.Get;
            rawPath = request.RawPath ?? context.Http.Path ?? "/";
            pathBase = StagePrefix(rawPath, context.Stage);
            features.QueryString = string.IsNullOrEmpty(request.RawQueryString)
                ? string.Empty
                : "?" + request.RawQueryString;
            CopyHeaders(request.Headers, headers);
            if (request.Cookies is { Length: > 0 } cookies)
            {
                headers.Cookie = string.Join("; ", cookies);
            }

            features.RemoteIpAddress = ParseAddress(context.Http.SourceIp);
        }
        else
        {
            features.Method = request.HttpMethod!;
            string path = request.Path ?? "/";
            rawPath = context.Path is { Length: > 0 } stagePath && stagePath.EndsWith(path, StringComparison.Ordinal)
                ? stagePath
                : path;
            pathBase = rawPath[..^path.Length];
            features.QueryString = BuildQueryString(request);
            if (request.MultiValueHeaders is { Count: > 0 } multiValueHeaders)
            {
                CopyHeaders(multiValueHeaders, headers);
            }
            else
            {
                CopyHeaders(request.Headers, headers);
            }

            features.RemoteIpAddress = ParseAddress(context.Identity?.SourceIp);
        }

        features.RawTarget = rawPath + features.QueryString;
        features.PathBase = PathDecoder.Decode(pathBase);
        features.Path = PathDecoder.Decode(rawPath[pathBase.Length..]) is { Length: > 0 } decoded ? decoded : "/";
        features.Scheme = headers.TryGetValue("X-Forwarded-Proto", out StringValues scheme) && scheme.Count > 0
            ? scheme[0]!
            : "https";
        features.TraceIdentifier = context.RequestId ?? string.Empty;
        SetBody(request, features);
        features.User = ReadUser(context.Authorizer, format);
    }

    private static string StagePrefix(string rawPath, string? stage)
    {
        // A named stage appears as the first segment of the raw path; the default stage ("$default") does not.
        if (string.IsNullOrEmpty(stage) || stage == "$default")
        {
            return string.Empty;
        }

        string prefix = "/" + stage;
        bool matches = rawPath.StartsWith(prefix, StringComparison.Ordinal)
            && (rawPath.Length == prefix.Length || rawPath[prefix.Length] == '/');
        return matches ? prefix : string.Empty;
    }

    private static string BuildQueryString(ApiGatewayRequest request)
    {
        var builder = new StringBuilder();
        if (request.MultiValueQueryStringParameters is { Count: > 0 } multiValue)
        {
            foreach ((string key, string?[]? values) in multiValue)
            {
                foreach (string? value in values ?? [])
                {
                    AppendQueryParameter(builder, key, value);
                }
            }
        }
        else if (request.QueryStringParameters is { Count: > 0 } singleValue)
        {
            foreach ((string key, string? value) in singleValue)
            {
                AppendQueryParameter(builder, key, value);
            }
        }

        return builder.ToString();
    }

    private static void AppendQueryParameter(StringBuilder builder, string key, string? value)
    {
        builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key));
        if (value is not null)
        {
            builder.Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static void CopyHeaders(Dictionary<string, string?>? source, IHeaderDictionary target)
    {
        if (source is null)
        {
            return;
        }

        foreach ((string name, string? value) in source)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }

    private static void CopyHeaders(Dictionary<string, string?[]?> source, IHeaderDictionary target)
    {
        foreach ((string name, string?[]? values) in source)
        {
            if (values is { Length: > 0 })
            {
                target[name] = new StringValues(values);
            }
        }
    }

    private static void SetBody(ApiGatewayRequest request, LambdaHttpFeatures features)
    {
        if (string.IsNullOrEmpty(request.Body))
        {
            return;
        }

        byte[] body = request.IsBase64Encoded
            ? Convert.FromBase64String(request.Body)
            : Encoding.UTF8.GetBytes(request.Body);
        features.SetRequestBody(new MemoryStream(body, writable: false));
        features.CanHaveBody = true;
        if (!features.RequestHeaders.ContainsKey(HeaderNames.ContentLength)
            && !features.RequestHeaders.ContainsKey(HeaderNames.TransferEncoding))
        {
            features.RequestHeaders.ContentLength = body.Length;
        }
    }

    private static IPAddress? ParseAddress(string? address) =>
        IPAddress.TryParse(address, out IPAddress? parsed) ? parsed : null;

    private static ClaimsPrincipal? ReadUser(JsonElement authorizer, ApiGatewayPayloadFormat format)
    {
        if (authorizer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var claims = new List<Claim>();
        if (format == ApiGatewayPayloadFormat.Version2)
        {
            // HTTP APIs put JWT authorizer claims under "jwt.claims" and Lambda authorizer context under "lambda".
            if (authorizer.TryGetProperty("jwt", out JsonElement jwt)
                && jwt.TryGetProperty("claims", out JsonElement jwtClaims))
            {
                AddClaims(jwtClaims, claims);
            }

            if (authorizer.TryGetProperty("lambda", out JsonElement lambda))
            {
                AddClaims(lambda, claims);
            }
        }
        else if (authorizer.TryGetProperty("claims", out JsonElement cognitoClaims))
        {
            AddClaims(cognitoClaims, claims);
        }
        else
        {
            // A REST API Lambda authorizer puts principalId and its context entries directly in "authorizer".
            AddClaims(authorizer, claims);
        }

        return claims.Count == 0 ? null : new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    private static void AddClaims(JsonElement source, List<Claim> claims)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in source.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    claims.Add(new Claim(property.Name, property.Value.GetString()!));
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in property.Value.EnumerateArray())
                    {
                        string value = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                        claims.Add(new Claim(property.Name, value));
                    }

                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    break;
                default:
                    claims.Add(new Claim(property.Name, property.Value.GetRawText()));
                    break;
            }
        }
    }
}
