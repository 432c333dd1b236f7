using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The <see cref="IServer"/> that replaces Kestrel on Lambda: it fetches invocations from the Runtime API one
/// at a time, serves each through the application's pipeline and posts the result.
/// </summary>
internal sealed class LambdaServer : IServer
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private static int s_invocationCount;

    private readonly LambdaHostingOptions _options;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ApiGatewayBridge _bridge;
    private readonly LambdaFunctionDescription _function = LambdaFunctionDescription.FromEnvironment();
    private readonly CancellationTokenSource _stopping = new();
    private RuntimeApiClient? _client;
    private Task _loop = Task.CompletedTask;

    public LambdaServer(
        IOptions<LambdaHostingOptions> options,
        ILoggerFactory loggerFactory,
        IHostEnvironment environment,
        IHostApplicationLifetime lifetime,
        TimeProvider? timeProvider = null)
    {
        _options = options.Value;
        _logger = loggerFactory.CreateLogger("Multiverse.Sdk.Lambda");
        _lifetime = lifetime;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _bridge = new ApiGatewayBridge(_logger, environment.IsDevelopment(), _options.DeadlineMargin, _timeProvider);
        Features.Set<IServerAddressesFeature>(new ServerAddressesFeature());
    }

    /// <summary>Gets the number of invocations this process has started serving; the first is the cold start.</summary>
    public static int InvocationCount => Volatile.Read(ref s_invocationCount);

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        string runtimeApi = _options.RuntimeApi!;
        _client = new RuntimeApiClient(runtimeApi, _logger);
        LambdaLog.Serving(_logger, runtimeApi);
        _loop = Task.Run(() => RunAsync(application, _client, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LambdaLog.Stopping(_logger);
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // The invocation in progress, if any, finishes and posts its result before the host stops.
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _client?.Dispose();
    }

    private async Task RunAsync<TContext>(
        IHttpApplication<TContext> application,
        RuntimeApiClient client,
        CancellationToken stopping)
        where TContext : notnull
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                RuntimeInvocation invocation = await client.GetNextInvocationAsync(stopping).ConfigureAwait(false);
                await ServeAsync(application, client, invocation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (LambdaRuntimeApiException exception)
            {
                LambdaLog.RuntimeFailed(_logger, exception, exception.Message);
                Environment.ExitCode = 1;
                _lifetime.StopApplication();
                return;
            }
        }
    }

    private async Task ServeAsync<TContext>(
        IHttpApplication<TContext> application,
        RuntimeApiClient client,
        RuntimeInvocation invocation)
        where TContext : notnull
    {
        bool isColdStart = Interlocked.Increment(ref s_invocationCount) == 1;
        var context = new LambdaContext(invocation, _function, isColdStart, _timeProvider);
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);

        InvocationOutcome outcome;
        using (_logger.BeginScope(new InvocationLogScope(context)))
        {
            LambdaLog.InvocationReceived(_logger, invocation.RequestId);
            LambdaContextAccessor.Set(context);
            try
            {
                outcome = await _bridge.InvokeAsync(application, context, invocation.Payload).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The bridge answers everything the application throws; this is a failure of the bridge itself,
                // reported for this invocation so the next one is still served.
                LambdaLog.RuntimeFailed(_logger, exception, "the invocation could not be served");
                outcome = InvocationOutcome.Failed(RuntimeError.FromException(exception));
            }
            finally
            {
                LambdaContextAccessor.Set(null);
            }
        }

        // The result is posted even while the host stops: the invocation has been taken and must be answered.
        HttpStatusCode status = outcome.Error is { } error
            ? await client.PostInvocationErrorAsync(invocation.RequestId, error, CancellationToken.None)
                .ConfigureAwait(false)
            : await client.PostResponseAsync(invocation.RequestId, outcome.Response, CancellationToken.None)
                .ConfigureAwait(false);
        if (status != HttpStatusCode.Accepted)
        {
            LambdaLog.ResultRejected(_logger, (int)status, invocation.RequestId);
        }
    }

    private sealed class ServerAddressesFeature : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = [];

        public bool PreferHostingUrls { get; set; }
    }
}
