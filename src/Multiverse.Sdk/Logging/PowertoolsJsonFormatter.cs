using System.Buffers;
using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Writes each entry as one line of JSON in the Powertools for AWS Lambda log schema. Values are written by type
/// (no reflection-based serialization, so the formatter is trimming and native AOT safe), and every string passes
/// through the <see cref="SecretRedactor"/>. In Lambda it writes through <see cref="LambdaJsonLoggerProvider"/>;
/// elsewhere the console logger can use it by name (<c>Logging:Console:FormatterName</c> = <c>powertools</c>).
/// </summary>
internal sealed class PowertoolsJsonFormatter : ConsoleFormatter
{
    public const string FormatterName = "powertools";

    private const int MaxValueDepth = 3;
    private const int MaxCollectionItems = 100;
    private const int MaxExceptionDepth = 5;
    private const int MaxRetainedBufferBytes = 64 * 1024;
    private const string OriginalFormatKey = "{OriginalFormat}";

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // CloudWatch shows the text as is: escaping '<', '&' or non-ASCII letters would only make lines harder to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly FrozenSet<string> s_reservedKeys = new[]
    {
        JsonLogFields.Timestamp,
        JsonLogFields.Level,
        JsonLogFields.Service,
        JsonLogFields.Name,
        JsonLogFields.Message,
        JsonLogFields.ColdStart,
        JsonLogFields.FunctionName,
        JsonLogFields.FunctionVersion,
        JsonLogFields.FunctionMemorySize,
        JsonLogFields.FunctionArn,
        JsonLogFields.FunctionRequestId,
        JsonLogFields.XRayTraceId,
        JsonLogFields.EventId,
        JsonLogFields.Scope,
        JsonLogFields.Exception,
        OriginalFormatKey,
    }.ToFrozenSet(StringComparer.Ordinal);

    [ThreadStatic]
    private static FormatContext? s_cachedContext;

    private readonly LoggingEnvironment _environment;
    private readonly LogServiceName _serviceName;
    private readonly ColdStartTracker _coldStart;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;

    public PowertoolsJsonFormatter(
        LoggingEnvironment environment,
        LogServiceName serviceName,
        ColdStartTracker coldStart,
        SecretRedactor redactor,
        TimeProvider timeProvider)
        : base(FormatterName)
    {
        _environment = environment;
        _serviceName = serviceName;
        _coldStart = coldStart;
        _redactor = redactor;
        _timeProvider = timeProvider;
    }

    public override void Write<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);

        FormatContext context = RentContext();
        try
        {
            if (!TryFormat(logEntry, scopeProvider, context))
            {
                return;
            }

            ReadOnlySpan<byte> line = context.Buffer.WrittenSpan;
            char[] characters = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(line.Length));
            int count = Encoding.UTF8.GetChars(line, characters);
            textWriter.Write(characters, 0, count);
            ArrayPool<char>.Shared.Return(characters);
        }
        finally
        {
            ReturnContext(context);
        }
    }

    /// <summary>Formats the entry as UTF-8 and hands the whole line to <paramref name="output"/>.</summary>
    public void Write<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        LambdaLogOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);

        FormatContext context = RentContext();
        try
        {
            if (TryFormat(logEntry, scopeProvider, context))
            {
                output.WriteLine(context.Buffer.WrittenSpan);
            }
        }
        finally
        {
            ReturnContext(context);
        }
    }

    private static FormatContext RentContext()
    {
        // A value's ToString may itself log; that nested call then gets a context of its own.
        FormatContext? context = s_cachedContext;
        s_cachedContext = null;
        return context ?? new FormatContext();
    }

    private static void ReturnContext(FormatContext context)
    {
        if (context.Buffer.Capacity <= MaxRetainedBufferBytes)
        {
            context.Clear();
            s_cachedContext = context;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };

    private bool TryFormat<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        FormatContext context)
    {
        string? message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return false;
        }

        scopeProvider?.ForEachScope(static (scope, state) => state.AddScope(scope), context);
        if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            foreach (KeyValuePair<string, object?> property in properties)
            {
                context.SetProperty(property.Key, property.Value);
            }
        }

        Utf8JsonWriter writer = context.Writer;
        writer.WriteStartObject();
        WriteStandardFields(writer, logEntry, message, context);
        WriteProperties(writer, context);
        if (logEntry.Exception is not null)
        {
            writer.WritePropertyName(JsonLogFields.Exception);
            WriteException(writer, logEntry.Exception, depth: 0);
        }

        writer.WriteEndObject();
        writer.Flush();
        context.Buffer.Write("\n"u8);
        return true;
    }

    private void WriteStandardFields<TState>(
        Utf8JsonWriter writer,
        in LogEntry<TState> logEntry,
        string? message,
        FormatContext context)
    {
        writer.WriteString(JsonLogFields.Timestamp, _timeProvider.GetUtcNow().UtcDateTime);
        writer.WriteString(JsonLogFields.Level, LevelName(logEntry.LogLevel));
        writer.WriteString(JsonLogFields.Service, _serviceName.Value);
        writer.WriteString(JsonLogFields.Name, logEntry.Category);
        writer.WriteString(JsonLogFields.Message, _redactor.Redact(message ?? string.Empty));

        bool coldStart = _coldStart.IsColdStart;
        if (context.ColdStart is bool invocationColdStart)
        {
            _coldStart.Observe(invocationColdStart);
            coldStart = invocationColdStart;
        }

        writer.WriteBoolean(JsonLogFields.ColdStart, coldStart);
        WriteIfPresent(writer, JsonLogFields.FunctionName, _environment.FunctionName);
        WriteIfPresent(writer, JsonLogFields.FunctionVersion, _environment.FunctionVersion);
        if (_environment.FunctionMemorySize is int memorySize)
        {
            writer.WriteNumber(JsonLogFields.FunctionMemorySize, memorySize);
        }

        WriteIfPresent(writer, JsonLogFields.FunctionArn, context.FunctionArn);
        WriteIfPresent(writer, JsonLogFields.FunctionRequestId, context.FunctionRequestId);
        WriteIfPresent(writer, JsonLogFields.XRayTraceId, context.XRayTraceId);
        if (logEntry.EventId.Id != 0)
        {
            writer.WriteNumber(JsonLogFields.EventId, logEntry.EventId.Id);
        }
    }

    private void WriteProperties(Utf8JsonWriter writer, FormatContext context)
    {
        foreach (KeyValuePair<string, object?> property in context.Properties)
        {
            if (s_reservedKeys.Contains(property.Key))
            {
                continue;
            }

            writer.WritePropertyName(property.Key);
            WriteValue(writer, property.Value, depth: 0);
        }

        if (context.ScopeTexts.Count > 0)
        {
            writer.WriteStartArray(JsonLogFields.Scope);
            foreach (string text in context.ScopeTexts)
            {
                writer.WriteStringValue(_redactor.Redact(text));
            }

            writer.WriteEndArray();
        }
    }

    private void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, _redactor.Redact(value));
        }
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(_redactor.Redact(text));
                break;
            case bool boolean:
                writer.WriteBooleanValue(boolean);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case DateTime dateTime:
                writer.WriteStringValue(dateTime);
                break;
            case DateTimeOffset dateTimeOffset:
                writer.WriteStringValue(dateTimeOffset);
                break;
            case Guid guid:
                writer.WriteStringValue(guid);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs when depth < MaxValueDepth:
                WriteObject(writer, pairs, depth);
                break;
            case IDictionary dictionary when depth < MaxValueDepth:
                WriteDictionary(writer, dictionary, depth);
                break;
            case ICollection collection when depth < MaxValueDepth:
                WriteArray(writer, collection, depth);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(_redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                writer.WriteStringValue(_redactor.Redact(value.ToString() ?? string.Empty));
                break;
        }
    }

    private void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs, int depth)
    {
        writer.WriteStartObject();
        int count = 0;
        foreach (KeyValuePair<string, object?> pair in pairs)
        {
            if (count++ == MaxCollectionItems)
            {
                break;
            }

            writer.WritePropertyName(pair.Key);
            WriteValue(writer, pair.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary, int depth)
    {
        writer.WriteStartObject();
        int count = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (count++ == MaxCollectionItems)
            {
                break;
            }

            writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
            WriteValue(writer, entry.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private void WriteArray(Utf8JsonWriter writer, ICollection collection, int depth)
    {
        writer.WriteStartArray();
        int count = 0;
        foreach (object? item in collection)
        {
            if (count++ == MaxCollectionItems)
            {
                break;
            }

            WriteValue(writer, item, depth + 1);
        }

        writer.WriteEndArray();
    }

    private void WriteException(Utf8JsonWriter writer, Exception exception, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonLogFields.ExceptionType, exception.GetType().FullName);
        writer.WriteString(JsonLogFields.ExceptionMessage, _redactor.Redact(exception.Message));
        WriteIfPresent(writer, JsonLogFields.ExceptionSource, exception.Source);
        WriteIfPresent(writer, JsonLogFields.ExceptionStackTrace, exception.StackTrace);
        if (depth < MaxExceptionDepth)
        {
            if (exception is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                writer.WriteStartArray(JsonLogFields.InnerExceptions);
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    WriteException(writer, inner, depth + 1);
                }

                writer.WriteEndArray();
            }
            else if (exception.InnerException is not null)
            {
                writer.WritePropertyName(JsonLogFields.InnerException);
                WriteException(writer, exception.InnerException, depth + 1);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Per-thread scratch state, reused so that a line costs no allocation beyond its message.</summary>
    private sealed class FormatContext
    {
        public FormatContext()
        {
            Buffer = new ArrayBufferWriter<byte>(1024);
            Writer = new Utf8JsonWriter(Buffer, s_writerOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }

        public List<KeyValuePair<string, object?>> Properties { get; } = [];

        public List<string> ScopeTexts { get; } = [];

        public string? FunctionRequestId { get; private set; }

        public string? XRayTraceId { get; private set; }

        public string? FunctionArn { get; private set; }

        public bool? ColdStart { get; private set; }

        public void AddScope(object? scope)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    AddScopeProperty(pair.Key, pair.Value);
                }
            }
            else if (scope is IDictionary dictionary)
            {
                // Dictionaries typed otherwise, such as Dictionary<string, string>, are key/value scopes all the same.
                foreach (DictionaryEntry entry in dictionary)
                {
                    string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    AddScopeProperty(key, entry.Value);
                }
            }
            else if (scope?.ToString() is { } text)
            {
                ScopeTexts.Add(text);
            }
        }

        /// <summary>Sets a property; a later value (inner scope, the entry's state) replaces an earlier one.</summary>
        public void SetProperty(string key, object? value)
        {
            for (int index = 0; index < Properties.Count; index++)
            {
                if (Properties[index].Key.Equals(key, StringComparison.Ordinal))
                {
                    Properties[index] = new KeyValuePair<string, object?>(key, value);
                    return;
                }
            }

            Properties.Add(new KeyValuePair<string, object?>(key, value));
        }

        public void Clear()
        {
            Buffer.ResetWrittenCount();
            Writer.Reset(Buffer);
            Properties.Clear();
            ScopeTexts.Clear();
            FunctionRequestId = null;
            XRayTraceId = null;
            FunctionArn = null;
            ColdStart = null;
        }

        private static string? RootTraceId(string? traceHeader)
        {
            // Accept the whole X-Amzn-Trace-Id header too ("Root=1-...;Parent=...;Sampled=1") and keep its root.
            const string RootPrefix = "Root=";
            if (traceHeader is null || !traceHeader.Contains(RootPrefix, StringComparison.Ordinal))
            {
                return traceHeader;
            }

            foreach (string part in traceHeader.Split(';', StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith(RootPrefix, StringComparison.Ordinal))
                {
                    return part[RootPrefix.Length..];
                }
            }

            return traceHeader;
        }

        private void AddScopeProperty(string key, object? value)
        {
            switch (key)
            {
                case LambdaLogScopeKeys.FunctionRequestId:
                    FunctionRequestId = Convert.ToString(value, CultureInfo.InvariantCulture);
                    break;
                case LambdaLogScopeKeys.XRayTraceId:
                    XRayTraceId = RootTraceId(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
                case LambdaLogScopeKeys.FunctionArn:
                    FunctionArn = Convert.ToString(value, CultureInfo.InvariantCulture);
                    break;
                case LambdaLogScopeKeys.ColdStart:
                    ColdStart = value as bool?;
                    break;
                case OriginalFormatKey:
                    break;
                default:
                    SetProperty(key, value);
                    break;
            }
        }
    }
}
