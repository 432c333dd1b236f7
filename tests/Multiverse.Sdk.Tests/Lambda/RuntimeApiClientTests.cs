using System.Net;
using System.Text;
using Multiverse.Sdk.Lambda;
using Multiverse.Sdk.Tests.Infrastructure;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Tests.Lambda;

public sealed class RuntimeApiClientTests
{
    [Fact]
    public async Task GetNextInvocation_RuntimeApiNotListeningYet_RetriesUntilItIs()
    {
        int port = FreePort.Next();
        var logs = new CapturingLoggerProvider();
        using var client = new RuntimeApiClient($"127.0.0.1:{port}", logs.CreateLogger("test"));
        var firstRetry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        logs.Logged += entry =>
        {
            if (entry.EventId.Id == 6007)
            {
                firstRetry.TrySetResult();
            }
        };

        Task<RuntimeInvocation> next = client.GetNextInvocationAsync(CancellationToken.None);
        await firstRetry.Task;
        await using TestRuntimeApiServer server = await TestRuntimeApiServer.StartAsync(port);
        _ = server.InvokeAsync(Encoding.UTF8.GetBytes("{\"hello\":1}"));

        RuntimeInvocation invocation = await next;
        Assert.Equal("{\"hello\":1}", Encoding.UTF8.GetString(invocation.Payload));
    }

    [Fact]
    public async Task GetNextInvocation_RuntimeApiAnswers500_ThrowsSoTheRuntimeExits()
    {
        await using TestRuntimeApiServer server = await TestRuntimeApiServer.StartAsync();
        server.FailNextWith500();
        using var client = new RuntimeApiClient(server.Address, new CapturingLoggerProvider().CreateLogger("test"));

        LambdaRuntimeApiException exception = await Assert.ThrowsAsync<LambdaRuntimeApiException>(
            () => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Fact]
    public async Task PostInvocationError_Exception_SendsErrorTypeHeaderAndJsonBody()
    {
        await using TestRuntimeApiServer server = await TestRuntimeApiServer.StartAsync();
        using var client = new RuntimeApiClient(server.Address, new CapturingLoggerProvider().CreateLogger("test"));
        Task<InvocationResult> result = server.InvokeAsync(Encoding.UTF8.GetBytes("{}"));
        RuntimeInvocation invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        HttpStatusCode status = await client.PostInvocationErrorAsync(
            invocation.RequestId,
            new RuntimeError("Custom.Failure", "it broke", ["at Somewhere()"]),
            CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, status);
        RuntimeApiError error = (await result).Error!;
        Assert.Equal("Custom.Failure", error.ErrorType);
        Assert.Equal("Custom.Failure", error.BodyErrorType);
        Assert.Equal("it broke", error.ErrorMessage);
    }
}
