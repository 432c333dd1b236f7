using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// The logger provider used in Lambda: writes every entry through the <see cref="PowertoolsJsonFormatter"/> straight
/// to <see cref="LambdaLogOutput"/>, without the console logger's background queue.
/// </summary>
[ProviderAlias("Lambda")]
internal sealed class LambdaJsonLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly PowertoolsJsonFormatter _formatter;
    private readonly LambdaLogOutput _output;
    private IExternalScopeProvider? _scopeProvider;

    public LambdaJsonLoggerProvider(PowertoolsJsonFormatter formatter, LambdaLogOutput output)
    {
        _formatter = formatter;
        _output = output;
    }

    public ILogger CreateLogger(string categoryName) => new JsonLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopeProvider = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class JsonLogger : ILogger
    {
        private readonly string _category;
        private readonly LambdaJsonLoggerProvider _provider;

        public JsonLogger(string category, LambdaJsonLoggerProvider provider)
        {
            _category = category;
            _provider = provider;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            _provider._scopeProvider?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var entry = new LogEntry<TState>(logLevel, _category, eventId, state, exception, formatter);
            _provider._formatter.Write(entry, _provider._scopeProvider, _provider._output);
        }
    }
}
