using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Multiverse.Sdk.Tests.Infrastructure;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>What only exists on Lambda: the invocation's context, stages, authorizers, logs, bad events.</summary>
public sealed class LambdaHostingTests : IClassFixture<LambdaHostingFixture>
{
    private readonly LambdaHostingFixture _fixture;

    public LambdaHostingTests(LambdaHostingFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task LambdaContext_Invocation_ReachesEndpointThroughFeatureAndAccessor()
    {
        InvocationResult result = await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context")),
            clientContext: "{\"client\":{\"installation_id\":\"abc\"}}",
            cognitoIdentity: "{\"cognitoIdentityId\":\"eu-west-1:42\"}");

        JsonElement context = ReadJson(result);
        Assert.True(context.GetProperty("isLambda").GetBoolean());
        Assert.True(context.GetProperty("accessorMatches").GetBoolean());
        Assert.Equal(result.RequestId, context.GetProperty("requestId").GetString());
        Assert.Equal(TestRuntimeApiServer.FunctionArn, context.GetProperty("invokedFunctionArn").GetString());
        Assert.True(context.GetProperty("hasRemainingTime").GetBoolean());
        Assert.Equal("{\"client\":{\"installation_id\":\"abc\"}}", context.GetProperty("clientContext").GetString());
        Assert.Equal("{\"cognitoIdentityId\":\"eu-west-1:42\"}", context.GetProperty("cognitoIdentity").GetString());
    }

    [Fact]
    public async Task TraceHeader_Invocation_SetsXAmznTraceIdForTheInvocation()
    {
        const string traceId = "Root=1-00000000-000000000000000000000001;Sampled=0";

        InvocationResult result = await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context")),
            traceId: traceId);

        JsonElement context = ReadJson(result);
        Assert.Equal(traceId, context.GetProperty("traceId").GetString());
        Assert.Equal(traceId, context.GetProperty("traceVariable").GetString());
    }

    [Fact]
    public async Task Request_HttpApiEvent_CarriesApiGatewayRequestIdAndSourceIp()
    {
        byte[] apiGatewayEvent = ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context"));
        string apiGatewayRequestId = ApiGatewayRequestId(apiGatewayEvent);

        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(apiGatewayEvent));

        Assert.Equal(apiGatewayRequestId, context.GetProperty("traceIdentifier").GetString());
        Assert.Equal(ApiGatewayEvents.SourceIp, context.GetProperty("remoteIp").GetString());
    }

    [Fact]
    public async Task PathBase_HttpApiNamedStage_IsTheStage()
    {
        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context"), stage: "prod")));

        Assert.Equal("/prod", context.GetProperty("pathBase").GetString());
        Assert.Equal("/context", context.GetProperty("path").GetString());
    }

    [Fact]
    public async Task PathBase_RestApiStageInPath_IsTheStage()
    {
        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.RestApiV1(new TestRequest("GET", "/context"), stage: "v1", stageInPath: true)));

        Assert.Equal("/v1", context.GetProperty("pathBase").GetString());
        Assert.Equal("/context", context.GetProperty("path").GetString());
    }

    [Fact]
    public async Task User_HttpApiJwtAuthorizer_HasTheTokenClaims()
    {
        var authorizer = new JsonObject
        {
            ["jwt"] = new JsonObject
            {
                ["claims"] = new JsonObject { ["sub"] = "user-1", ["email"] = "one@example.com" },
                ["scopes"] = null,
            },
        };

        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context"), authorizer: authorizer)));

        Assert.True(context.GetProperty("isAuthenticated").GetBoolean());
        Assert.Equal("user-1", context.GetProperty("claims").GetProperty("sub").GetString());
        Assert.Equal("one@example.com", context.GetProperty("claims").GetProperty("email").GetString());
    }

    [Fact]
    public async Task User_RestApiCognitoAuthorizer_HasTheClaims()
    {
        var authorizer = new JsonObject { ["claims"] = new JsonObject { ["sub"] = "user-2" } };

        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.RestApiV1(new TestRequest("GET", "/context"), authorizer: authorizer)));

        Assert.True(context.GetProperty("isAuthenticated").GetBoolean());
        Assert.Equal("user-2", context.GetProperty("claims").GetProperty("sub").GetString());
    }

    [Fact]
    public async Task User_NoAuthorizer_IsAnonymous()
    {
        JsonElement context = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context"))));

        Assert.False(context.GetProperty("isAuthenticated").GetBoolean());
    }

    [Fact]
    public async Task Event_NotJson_IsAnInvocationErrorAndTheNextInvocationIsServed()
    {
        InvocationResult rejected = await _fixture.RuntimeApi.InvokeAsync(Encoding.UTF8.GetBytes("{not json"));
        ObservedResponse next = await _fixture.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/status/204")));

        Assert.Equal("Multiverse.InvalidEvent", rejected.Error?.ErrorType);
        Assert.Equal("Multiverse.InvalidEvent", rejected.Error?.BodyErrorType);
        Assert.Equal(204, next.StatusCode);
    }

    [Fact]
    public async Task Event_JsonButNotApiGateway_IsAnInvocationError()
    {
        InvocationResult rejected = await _fixture.RuntimeApi.InvokeAsync(
            Encoding.UTF8.GetBytes("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}"));

        Assert.Equal("Multiverse.InvalidEvent", rejected.Error?.ErrorType);
        Assert.Contains("not an API Gateway", rejected.Error?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_LargerThanSixMebibytesOnceEncoded_Is413Problem()
    {
        // 5,000,000 bytes fit in memory but not in a response once base64-encoded (6.67 MB).
        ObservedResponse response = await _fixture.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/bytes/5000000")));

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Response_BodyPastTheLimit_Is413Problem()
    {
        ObservedResponse response = await _fixture.InvokeAsync(
            ApiGatewayEvents.RestApiV1(new TestRequest("GET", "/text/7000000")));

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Exception_AfterResponseStarted_IsAnInvocationError()
    {
        InvocationResult result = await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/throw-after-start")));

        Assert.Equal("InvalidOperationException", result.Error?.ErrorType);
    }

    [Fact]
    public async Task Logs_InsideInvocation_CarryTheInvocationScope()
    {
        InvocationResult result = await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/log")),
            traceId: "Root=1-00000000-000000000000000000000002");

        CapturedLogEntry entry = Assert.Single(
            _fixture.LambdaLogs.Entries,
            e => e.Message == "Inside the request"
                && Equals(e.Scope.GetValueOrDefault("function_request_id"), result.RequestId));
        Assert.Equal("Root=1-00000000-000000000000000000000002", entry.Scope["xray_trace_id"]);
        Assert.Equal(TestRuntimeApiServer.FunctionArn, entry.Scope["function_arn"]);
        Assert.IsType<bool>(entry.Scope["cold_start"]);
    }

    [Fact]
    public async Task ColdStart_SecondInvocation_IsFalse()
    {
        await _fixture.RuntimeApi.InvokeAsync(ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context")));
        JsonElement second = ReadJson(await _fixture.RuntimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/context"))));

        Assert.False(second.GetProperty("isColdStart").GetBoolean());
    }

    [Fact]
    public async Task UnhandledException_InProduction_IsLoggedWithTheRequestIdAndHidesDetails()
    {
        byte[] apiGatewayEvent = ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/throw"));
        string apiGatewayRequestId = ApiGatewayRequestId(apiGatewayEvent);

        InvocationResult result = await _fixture.RuntimeApi.InvokeAsync(apiGatewayEvent);

        ObservedResponse response = ApiGatewayEvents.ParseResult(result.RequireResponse());
        Assert.DoesNotContain("failed on purpose", response.BodyText, StringComparison.Ordinal);
        Assert.Contains(
            _fixture.LambdaLogs.Entries,
            e => e.EventId.Id == 6003
                && e.Message.Contains(apiGatewayRequestId, StringComparison.Ordinal)
                && Equals(e.Scope.GetValueOrDefault("function_request_id"), result.RequestId));
    }

    [Fact]
    public async Task UnhandledException_InDevelopment_AnswersProblemJsonWithTheException()
    {
        await using TestRuntimeApiServer runtimeApi = await TestRuntimeApiServer.StartAsync();
        await using WebApplication app = LambdaHostingFixture.BuildApp(
            new Dictionary<string, string?> { ["Multiverse:Lambda:RuntimeApi"] = runtimeApi.Address },
            logs: null,
            Environments.Development);
        await app.StartAsync();

        InvocationResult result = await runtimeApi.InvokeAsync(
            ApiGatewayEvents.HttpApiV2(new TestRequest("GET", "/throw")));
        await app.StopAsync();

        ObservedResponse response = ApiGatewayEvents.ParseResult(result.RequireResponse());
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("application/problem+json", Assert.Single(response.Headers["Content-Type"]));
        Assert.Contains("failed on purpose", response.BodyText, StringComparison.Ordinal);
    }

    private static string ApiGatewayRequestId(byte[] apiGatewayEvent) =>
        JsonNode.Parse(apiGatewayEvent)!["requestContext"]!["requestId"]!.GetValue<string>();

    private static JsonElement ReadJson(InvocationResult result)
    {
        ObservedResponse response = ApiGatewayEvents.ParseResult(result.RequireResponse());
        Assert.Equal(200, response.StatusCode);
        return JsonDocument.Parse(response.Body).RootElement;
    }
}
