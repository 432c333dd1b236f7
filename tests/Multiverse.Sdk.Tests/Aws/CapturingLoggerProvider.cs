using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Tests.Aws;

/// <summary>Keeps every log entry written through it, formatted, for assertions on what was (not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public string AllText => string.Join(Environment.NewLine, _entries.Select(entry => entry.ToString()));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new CapturedLogEntry(
                category,
                logLevel,
                eventId.Id,
                formatter(state, exception),
                string.Join("; ", properties.Select(property => $"{property.Key}={property.Value}")),
                exception?.ToString()));
        }
    }
}

/// <summary>One captured log entry.</summary>
public sealed record CapturedLogEntry(
    string Category,
    LogLevel Level,
    int EventId,
    string Message,
    string Properties,
    string? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message} | {Properties} | {Exception}";
}
