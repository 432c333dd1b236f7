using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Wraps one of the console logger's formatters (simple, systemd, json or a custom one) under the same name: the
/// output looks exactly as it would without the SDK, except that secret values are replaced.
/// </summary>
internal sealed class RedactingConsoleFormatter : ConsoleFormatter
{
    private const int MaxRetainedCharacters = 16 * 1024;

    [ThreadStatic]
    private static StringWriter? s_cachedWriter;

    private readonly ConsoleFormatter _inner;
    private readonly SecretRedactor _redactor;

    public RedactingConsoleFormatter(ConsoleFormatter inner, SecretRedactor redactor)
        : base(inner.Name)
    {
        _inner = inner;
        _redactor = redactor;
    }

    public override void Write<TState>(
        in LogEntry<TState> logEntry,
        IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        if (!_redactor.HasSecrets)
        {
            _inner.Write(logEntry, scopeProvider, textWriter);
            return;
        }

        StringWriter buffer = s_cachedWriter ?? new StringWriter();
        s_cachedWriter = null;
        try
        {
            _inner.Write(logEntry, scopeProvider, buffer);
            textWriter.Write(_redactor.Redact(buffer.ToString()));
        }
        finally
        {
            StringBuilder builder = buffer.GetStringBuilder();
            if (builder.Capacity <= MaxRetainedCharacters)
            {
                builder.Clear();
                s_cachedWriter = buffer;
            }
        }
    }
}
