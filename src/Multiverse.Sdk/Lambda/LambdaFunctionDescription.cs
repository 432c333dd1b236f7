using System.Globalization;

namespace Multiverse.Sdk.Lambda;

/// <summary>What the Lambda service tells the runtime about the function through environment variables.</summary>
internal sealed record LambdaFunctionDescription(
    string Name,
    string Version,
    int MemoryLimitInMegabytes,
    string LogGroupName,
    string LogStreamName)
{
    public static LambdaFunctionDescription FromEnvironment()
    {
        _ = int.TryParse(
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out int memory);
        return new LambdaFunctionDescription(
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty,
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION") ?? string.Empty,
            memory,
            Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME") ?? string.Empty,
            Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty);
    }
}
