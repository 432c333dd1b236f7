using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry written through it, with its properties and the scope values active at the time, so tests
/// can assert what was logged, await a particular line, or check that a secret never was.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Raised after each entry is kept, so a test can await a particular log line.</summary>
    public event Action<CapturedLogEntry>? Logged;

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries;

    /// <summary>Every entry as text, properties, scopes and exceptions included.</summary>
    public string AllText => string.Join(Environment.NewLine, _entries.Select(entry => entry.ToString()));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static Dictionary<string, object?> ToDictionary(object? state, Dictionary<string, object?> values)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (KeyValuePair<string, object?> pair in pairs)
            {
                values[pair.Key] = pair.Value;
            }
        }

        return values;
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((value, values) => ToDictionary(value, values), scope);
            var entry = new CapturedLogEntry(
                category,
                logLevel,
                eventId,
                formatter(state, exception),
                ToDictionary(state, []),
                exception,
                scope);
            owner._entries.Enqueue(entry);
            owner.Logged?.Invoke(entry);
        }
    }
}

/// <summary>One captured log entry.</summary>
public sealed record CapturedLogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyDictionary<string, object?> Properties,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Scope)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}] {Message} | {Format(Properties)} | {Format(Scope)} | {Exception}";

    private static string Format(IReadOnlyDictionary<string, object?> values) =>
        string.Join("; ", values.Select(pair => $"{pair.Key}={pair.Value}"));
}
