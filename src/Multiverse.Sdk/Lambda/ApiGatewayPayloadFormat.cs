namespace Multiverse.Sdk.Lambda;

/// <summary>The API Gateway event shapes the bridge serves.</summary>
internal enum ApiGatewayPayloadFormat
{
    /// <summary>Not an API Gateway event.</summary>
    Unknown,

    /// <summary>REST API proxy integration (also HTTP API with payload format 1.0).</summary>
    Version1,

    /// <summary>HTTP API payload format 2.0; Lambda function URLs send the same shape.</summary>
    Version2,
}
