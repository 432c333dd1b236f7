using System.Net;
using System.Text;

namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>The test Runtime API keeps the promises AWS documents, so the runtime is tested against them.</summary>
public sealed class TestRuntimeApiServerTests : IAsyncLifetime
{
    private TestRuntimeApiServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestRuntimeApiServer.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri($"http://{_server.Address}/2018-06-01/runtime/") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Next_CalledTwiceWithoutResponse_ReturnsTheSameInvocation()
    {
        _ = _server.InvokeAsync(Encoding.UTF8.GetBytes("{}"));

        string first = await NextRequestIdAsync();
        string second = await NextRequestIdAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Response_SecondTime_IsForbidden()
    {
        Task<InvocationResult> result = _server.InvokeAsync(Encoding.UTF8.GetBytes("{}"));
        string requestId = await NextRequestIdAsync();

        HttpStatusCode first = await PostAsync($"invocation/{requestId}/response", new byte[2]);
        HttpStatusCode second = await PostAsync($"invocation/{requestId}/response", new byte[2]);

        Assert.Equal(HttpStatusCode.Accepted, first);
        Assert.Equal(HttpStatusCode.Forbidden, second);
        Assert.NotNull((await result).Response);
    }

    [Fact]
    public async Task Response_OverSixMebibytes_IsPayloadTooLargeAndTheCallerSeesResponseSizeTooLarge()
    {
        Task<InvocationResult> result = _server.InvokeAsync(Encoding.UTF8.GetBytes("{}"));
        string requestId = await NextRequestIdAsync();

        HttpStatusCode status = await PostAsync(
            $"invocation/{requestId}/response",
            new byte[TestRuntimeApiServer.ResponseLimitBytes + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("Function.ResponseSizeTooLarge", (await result).Error?.ErrorType);
    }

    [Fact]
    public async Task Invocation_NotAnsweredByTheDeadline_TimesOut()
    {
        Task<InvocationResult> result = _server.InvokeAsync(
            Encoding.UTF8.GetBytes("{}"),
            TimeSpan.FromMilliseconds(100));
        string requestId = await NextRequestIdAsync();

        InvocationResult timedOut = await result;
        HttpStatusCode late = await PostAsync($"invocation/{requestId}/response", new byte[2]);

        Assert.Equal("Sandbox.Timedout", timedOut.Error?.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, late);
    }

    private async Task<string> NextRequestIdAsync()
    {
        using HttpResponseMessage response = await _client.GetAsync("invocation/next");
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
    }

    private async Task<HttpStatusCode> PostAsync(string path, byte[] body)
    {
        using HttpResponseMessage response = await _client.PostAsync(path, new ByteArrayContent(body));
        return response.StatusCode;
    }
}
