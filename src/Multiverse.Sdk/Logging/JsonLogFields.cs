namespace Multiverse.Sdk.Logging;

/// <summary>The field names of the Powertools for AWS Lambda log schema, as the JSON formatter writes them.</summary>
internal static class JsonLogFields
{
    public const string Timestamp = "timestamp";
    public const string Level = "level";
    public const string Service = "service";
    public const string Name = "name";
    public const string Message = "message";
    public const string ColdStart = LambdaLogScopeKeys.ColdStart;
    public const string FunctionName = "function_name";
    public const string FunctionVersion = "function_version";
    public const string FunctionMemorySize = "function_memory_size";
    public const string FunctionArn = LambdaLogScopeKeys.FunctionArn;
    public const string FunctionRequestId = LambdaLogScopeKeys.FunctionRequestId;
    public const string XRayTraceId = LambdaLogScopeKeys.XRayTraceId;
    public const string EventId = "event_id";
    public const string Scope = "scope";
    public const string Exception = "exception";
    public const string ExceptionType = "type";
    public const string ExceptionMessage = "message";
    public const string ExceptionSource = "source";
    public const string ExceptionStackTrace = "stack_trace";
    public const string InnerException = "inner_exception";
    public const string InnerExceptions = "inner_exceptions";
}
