namespace Multiverse.Sdk.Logging;

/// <summary>
/// The keys of the scope that Lambda hosting opens around each invocation. The JSON formatter lifts them out of the
/// scope properties into the top-level Powertools fields of the same names.
/// </summary>
internal static class LambdaLogScopeKeys
{
    /// <summary>The invocation's request id (<c>Lambda-Runtime-Aws-Request-Id</c>), a string.</summary>
    public const string FunctionRequestId = "function_request_id";

    /// <summary>
    /// The X-Ray trace id of the invocation, a string such as <c>1-5759e988-bd862e3fe1be46a994272793</c>.
    /// </summary>
    public const string XRayTraceId = "xray_trace_id";

    /// <summary>The ARN the function was invoked with (<c>Lambda-Runtime-Invoked-Function-Arn</c>), a string.</summary>
    public const string FunctionArn = "function_arn";

    /// <summary>Whether this is the first invocation of the execution environment, a <see cref="bool"/>.</summary>
    public const string ColdStart = "cold_start";
}
