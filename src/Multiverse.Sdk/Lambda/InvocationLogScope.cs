using System.Collections;
using System.Globalization;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The logging scope of one invocation. Its keys are the field names of the SDK's JSON log schema, which the
/// JSON formatter promotes to top-level fields of every log line written inside the invocation.
/// </summary>
internal sealed class InvocationLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string FunctionRequestIdKey = "function_request_id";
    public const string XRayTraceIdKey = "xray_trace_id";
    public const string FunctionArnKey = "function_arn";
    public const string ColdStartKey = "cold_start";

    private readonly ILambdaContext _context;

    public InvocationLogScope(ILambdaContext context)
    {
        _context = context;
    }

    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(FunctionRequestIdKey, _context.RequestId),
        1 => new(XRayTraceIdKey, _context.TraceId),
        2 => new(FunctionArnKey, _context.InvokedFunctionArn),
        3 => new(ColdStartKey, _context.IsColdStart),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{FunctionRequestIdKey}:{_context.RequestId} {XRayTraceIdKey}:{_context.TraceId}");
}
