using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Turns a function name and its arguments into a request frame. The arguments' JSON is written straight behind
/// the reserved header into a pooled array by a writer kept per thread, so a small call allocates almost nothing.
/// </summary>
internal static class PythonCallFactory
{
    [ThreadStatic]
    private static PythonFrameWriter? s_frame;

    [ThreadStatic]
    private static Utf8JsonWriter? s_json;

    private static JsonSerializerOptions? s_reflectionOptions;

    public static JsonSerializerOptions ReflectionOptions
    {
        [RequiresUnreferencedCode("Reflection-based JSON serialization.")]
        [RequiresDynamicCode("Reflection-based JSON serialization.")]
        get
        {
            if (s_reflectionOptions is null)
            {
                var options = new JsonSerializerOptions
                {
                    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                    PropertyNameCaseInsensitive = true,
                    TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
                };
                options.MakeReadOnly();
                s_reflectionOptions = options;
            }

            return s_reflectionOptions;
        }
    }

    public static PythonCall Create<TArguments>(
        string function,
        byte kind,
        TArguments arguments,
        JsonTypeInfo<TArguments> argumentsType)
    {
        ValidateFunction(function);
        int nameBytes = Encoding.UTF8.GetByteCount(function);
        int prefix = PythonProtocol.CallPrefixSize + nameBytes;
        PythonFrameWriter frame = s_frame ??= new PythonFrameWriter();
        frame.Start(prefix);
        try
        {
            Utf8JsonWriter json = s_json ??= new Utf8JsonWriter(frame);
            json.Reset(frame);
            JsonSerializer.Serialize(json, arguments, argumentsType);
            json.Flush();
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(frame.Detach());
            throw;
        }

        return Finish(function, kind, frame, nameBytes);
    }

    public static PythonCall CreateImport(string module)
    {
        int nameBytes = Encoding.UTF8.GetByteCount(module);
        PythonFrameWriter frame = s_frame ??= new PythonFrameWriter();
        frame.Start(PythonProtocol.CallPrefixSize + nameBytes);
        return Finish(module, PythonProtocol.KindImport, frame, nameBytes);
    }

    private static PythonCall Finish(string name, byte kind, PythonFrameWriter frame, int nameBytes)
    {
        int length = frame.Written;
        Span<byte> prefix = frame.Reserved(PythonProtocol.CallPrefixSize + nameBytes);
        PythonProtocol.WriteHeader(prefix, length, requestId: 0, kind);
        prefix[PythonProtocol.HeaderSize] = (byte)nameBytes;
        prefix[PythonProtocol.HeaderSize + 1] = (byte)(nameBytes >> 8);
        Encoding.UTF8.GetBytes(name, prefix[PythonProtocol.CallPrefixSize..]);
        return new PythonCall(name, kind, frame.Detach(), length);
    }

    private static void ValidateFunction(string function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        int colon = function.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == function.Length - 1 || function.Length > PythonProtocol.MaxFunctionNameBytes / 4)
        {
            throw new ArgumentException(
                $"'{function}' does not name a Python function. Write it as 'package.module:function', "
                + "for example 'pricing.rules:quote'.",
                nameof(function));
        }
    }
}
