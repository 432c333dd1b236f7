using System.Text.Json;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The union of the API Gateway HTTP API payload 2.0 and REST API proxy payload 1.0 request shapes, so one
/// pass of <see cref="ApiGatewayRequestReader"/> reads either; <see cref="ApiGatewayBridge"/> tells them apart.
/// </summary>
internal sealed class ApiGatewayRequest
{
    public string? Version { get; set; }

    public string? RawPath { get; set; }

    public string? RawQueryString { get; set; }

    public string[]? Cookies { get; set; }

    public string? HttpMethod { get; set; }

    public string? Path { get; set; }

    public Dictionary<string, string?>? Headers { get; set; }

    public Dictionary<string, string?[]?>? MultiValueHeaders { get; set; }

    public Dictionary<string, string?>? QueryStringParameters { get; set; }

    public Dictionary<string, string?[]?>? MultiValueQueryStringParameters { get; set; }

    public string? Body { get; set; }

    public bool IsBase64Encoded { get; set; }

    public ApiGatewayRequestContext? RequestContext { get; set; }
}

/// <summary>The <c>requestContext</c> member of both payload formats.</summary>
internal sealed class ApiGatewayRequestContext
{
    public string? RequestId { get; set; }

    public string? Stage { get; set; }

    public string? Path { get; set; }

    public ApiGatewayHttpDescription? Http { get; set; }

    public ApiGatewayIdentity? Identity { get; set; }

    public JsonElement Authorizer { get; set; }
}

/// <summary>The <c>requestContext.http</c> member of payload 2.0.</summary>
internal sealed class ApiGatewayHttpDescription
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public string? Protocol { get; set; }

    public string? SourceIp { get; set; }
}

/// <summary>The <c>requestContext.identity</c> member of payload 1.0.</summary>
internal sealed class ApiGatewayIdentity
{
    public string? SourceIp { get; set; }
}
