using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Logging;

namespace Multiverse.Sdk.Benchmarks.Logging;

/// <summary>
/// Cost of one log line inside a Lambda invocation scope: the Powertools JSON formatter writing UTF-8 straight to
/// a stream, against the .NET console logger's own JSON formatter writing to the text buffer it normally uses.
/// </summary>
[MemoryDiagnoser]
public class JsonLogLineBenchmarks
{
    private static readonly List<KeyValuePair<string, object?>> s_state =
    [
        new("OrderId", 42),
        new("Customer", "acme"),
        new("{OriginalFormat}", "Order {OrderId} paid by {Customer}"),
    ];

    private readonly LoggerExternalScopeProvider _scopes = new();
    private readonly StringWriter _textBuffer = new();
    private IHost _host = null!;
    private ConsoleFormatter _consoleJson = null!;
    private PowertoolsJsonFormatter _powertools = null!;
    private LambdaLogOutput _output = null!;
    private LogEntry<List<KeyValuePair<string, object?>>> _entry;

    [Params(false, true)]
    public bool SecretsConfigured { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        builder.Configuration.AddInMemoryCollection(SecretsConfigured
            ? new Dictionary<string, string?>
            {
                ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = "AKIABENCHMARKKEY0001",
                ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = "benchmark/Secret+Access/Key00000000001",
                ["Payments:ApiKey"] = "pk_live_benchmark_0002",
            }
            : []);
        builder.Services.AddSingleton<IEnvironmentVariables>(new BenchmarkEnvironment());
        builder.Services.AddSingleton(new LambdaLogOutput(Stream.Null));
        builder.AddMultiverse();
        _host = builder.Build();

        _consoleJson = _host.Services.GetServices<ConsoleFormatter>().Single(formatter => formatter.Name == "json");
        _powertools = _host.Services.GetRequiredService<PowertoolsJsonFormatter>();
        _output = _host.Services.GetRequiredService<LambdaLogOutput>();
        _scopes.Push(new Dictionary<string, object?>
        {
            ["function_request_id"] = "52fdfc07-2182-154f-163f-5f0f9a621d72",
            ["xray_trace_id"] = "1-61b7add4-66532bb81441e1b060389429",
            ["function_arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
            ["cold_start"] = false,
        });
        _entry = new LogEntry<List<KeyValuePair<string, object?>>>(
            LogLevel.Information,
            "Orders.Checkout",
            new EventId(1201),
            s_state,
            exception: null,
            static (_, _) => "Order 42 paid by acme");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public void ConsoleJsonFormatter()
    {
        _consoleJson.Write(_entry, _scopes, _textBuffer);
        _textBuffer.GetStringBuilder().Clear();
    }

    [Benchmark]
    public void PowertoolsJsonFormatter() => _powertools.Write(_entry, _scopes, _output);

    private sealed class BenchmarkEnvironment : IEnvironmentVariables
    {
        public string? Get(string name) => name switch
        {
            "AWS_LAMBDA_FUNCTION_NAME" => "orders-api",
            "AWS_LAMBDA_FUNCTION_VERSION" => "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" => "512",
            _ => null,
        };
    }
}
