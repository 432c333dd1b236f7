using System.Text;
using System.Text.Json;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>
/// The test app published as JIT, ReadyToRun and native AOT, started as a real process against the test Runtime
/// API, the way Lambda starts a container image's entrypoint.
/// </summary>
public sealed class PublishedAppTests : IClassFixture<PublishedAppFixture>
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);

    private readonly PublishedAppFixture _fixture;

    public PublishedAppTests(PublishedAppFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<LambdaAppFlavor> Flavors => new(Enum.GetValues<LambdaAppFlavor>());

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task PublishedApp_ApiGatewayEvents_AnswersThemAndTheFirstIsTheColdStart(LambdaAppFlavor flavor)
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(flavor);
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        using var process = LambdaProcess.Start(app, runtimeApi.Address);

        var context = new TestRequest("GET", "/context");
        JsonElement first = await InvokeJsonAsync(runtimeApi, ApiGatewayEvents.HttpApiV2(context), process);
        JsonElement second = await InvokeJsonAsync(runtimeApi, ApiGatewayEvents.RestApiV1(context), process);
        JsonElement echo = await InvokeJsonAsync(
            runtimeApi,
            ApiGatewayEvents.HttpApiV2(new TestRequest("POST", "/echo/items", "a=1&a=2")
            {
                Body = Encoding.UTF8.GetBytes("{\"name\":\"widget\"}"),
                ContentType = "application/json",
            }),
            process);

        Assert.True(first.GetProperty("isColdStart").GetBoolean());
        Assert.False(second.GetProperty("isColdStart").GetBoolean());
        Assert.Equal("lambda-app", first.GetProperty("functionName").GetString());
        Assert.Equal(512, first.GetProperty("memoryLimitInMegabytes").GetInt32());
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal(2, echo.GetProperty("query").GetProperty("a").GetArrayLength());
        Assert.Equal(17, echo.GetProperty("bodyLength").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task PublishedApp_InvalidEvent_ReportsAnInvocationErrorAndServesTheNext(LambdaAppFlavor flavor)
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(flavor);
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        using var process = LambdaProcess.Start(app, runtimeApi.Address);

        InvocationResult rejected = await runtimeApi.InvokeAsync(Encoding.UTF8.GetBytes("[1, 2, 3]"));
        InvocationResult next = await runtimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/status/202")));

        Assert.Equal("Multiverse.InvalidEvent", rejected.Error?.ErrorType);
        Assert.Equal(202, ApiGatewayEvents.ParseResult(next.RequireResponse()).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task PublishedApp_Sigterm_StopsGracefullyWithExitCodeZero(LambdaAppFlavor flavor)
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(flavor);
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        using var process = LambdaProcess.Start(app, runtimeApi.Address);
        await runtimeApi.InvokeAsync(ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/status/200")));

        process.Terminate();

        Assert.Equal(0, await process.WaitForExitAsync(s_exitTimeout));
    }

    [Theory]
    [InlineData(LambdaAppFlavor.Jit)]
    [InlineData(LambdaAppFlavor.NativeAot)]
    public async Task PublishedApp_InvalidConfiguration_PostsInitErrorAndExitsNonZero(LambdaAppFlavor flavor)
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(flavor);
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        using var process = LambdaProcess.Start(
            app,
            runtimeApi.Address,
            new Dictionary<string, string> { ["Multiverse__Lambda__DeadlineMargin"] = "-00:00:01" });

        RuntimeApiError error = await runtimeApi.InitError.WaitAsync(s_exitTimeout);
        int exitCode = await process.WaitForExitAsync(s_exitTimeout);

        Assert.Contains("Multiverse:Lambda:DeadlineMargin", error.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task PublishedApp_RuntimeApiAnswers500_ExitsNonZero()
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(LambdaAppFlavor.Jit);
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        runtimeApi.FailNextWith500();
        using var process = LambdaProcess.Start(app, runtimeApi.Address);

        int exitCode = await process.WaitForExitAsync(s_exitTimeout);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task NativeAotPublish_AppUsingLambdaHosting_HasNoTrimOrAotWarningsFromTheSdk()
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(LambdaAppFlavor.NativeAot);

        Assert.Empty(LambdaAppPublisher.SdkTrimAndAotWarnings(app.PublishLog));
    }

    [Fact]
    public async Task ReadyToRunPublish_AppUsingLambdaHosting_HasNoTrimOrAotWarningsFromTheSdk()
    {
        PublishedApp app = await _fixture.Publisher.PublishAsync(LambdaAppFlavor.ReadyToRun);

        Assert.Empty(LambdaAppPublisher.SdkTrimAndAotWarnings(app.PublishLog));
    }

    private static async Task<JsonElement> InvokeJsonAsync(
        TestRuntimeApiServer runtimeApi,
        byte[] apiGatewayEvent,
        LambdaProcess process)
    {
        InvocationResult result = await runtimeApi.InvokeAsync(apiGatewayEvent).WaitAsync(s_exitTimeout);
        ObservedResponse response = ApiGatewayEvents.ParseResult(result.Response
            ?? throw new Xunit.Sdk.XunitException(
                $"Invocation failed: {result.Error}. Process output:\n{process.Output}"));
        Assert.Equal(200, response.StatusCode);
        return JsonDocument.Parse(response.Body).RootElement;
    }
}
