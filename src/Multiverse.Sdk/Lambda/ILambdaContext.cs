namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Describes the Lambda invocation that a request is served in: who was invoked, which request it is and how
/// much time is left. Read it from <see cref="ILambdaContextAccessor"/> or
/// <see cref="LambdaHttpContextExtensions.GetLambdaContext(Microsoft.AspNetCore.Http.HttpContext)"/>.
/// </summary>
public interface ILambdaContext
{
    /// <summary>Gets the Lambda request id of the invocation (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string RequestId { get; }

    /// <summary>Gets the moment the invocation times out (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Gets the time left before <see cref="Deadline"/>; zero once it has passed.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>Gets the ARN the function was invoked with, including any version or alias qualifier.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>Gets the function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>); empty when not set.</summary>
    string FunctionName { get; }

    /// <summary>Gets the function's version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>); empty when not set.</summary>
    string FunctionVersion { get; }

    /// <summary>Gets the memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMegabytes { get; }

    /// <summary>Gets the CloudWatch log group of the function; empty when not set.</summary>
    string LogGroupName { get; }

    /// <summary>Gets the CloudWatch log stream of this execution environment; empty when not set.</summary>
    string LogStreamName { get; }

    /// <summary>Gets the X-Ray trace header of the invocation (<c>Lambda-Runtime-Trace-Id</c>), if any.</summary>
    string? TraceId { get; }

    /// <summary>Gets the client context JSON sent by a mobile SDK caller, if any.</summary>
    string? ClientContext { get; }

    /// <summary>Gets the Amazon Cognito identity JSON of the caller, if any.</summary>
    string? CognitoIdentity { get; }

    /// <summary>Gets a value indicating whether this is the first invocation served by this process.</summary>
    bool IsColdStart { get; }
}
