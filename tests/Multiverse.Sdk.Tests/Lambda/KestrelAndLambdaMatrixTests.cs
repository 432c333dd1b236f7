using System.Text;
using Multiverse.Sdk.TestApps.LambdaApp;
using Multiverse.Sdk.Tests.Lambda.RuntimeApi;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>
/// One request, three ways: over HTTP to Kestrel, and as an HTTP API (payload 2.0) and a REST API (payload 1.0)
/// event through the Runtime API. A client must not be able to tell them apart.
/// </summary>
public sealed class KestrelAndLambdaMatrixTests : IClassFixture<LambdaHostingFixture>
{
    private static readonly Dictionary<string, TestRequest> s_cases = new()
    {
        ["GET"] = new("GET", "/echo/items"),
        ["POST with a JSON body"] = new("POST", "/echo/items")
        {
            Body = Encoding.UTF8.GetBytes("{\"name\":\"widget\",\"price\":12.5}"),
            ContentType = "application/json",
        },
        ["PUT with a text body"] = new("PUT", "/echo/items/7")
        {
            Body = Encoding.UTF8.GetBytes("plain text, with commas; and ünïcödé"),
            ContentType = "text/plain; charset=utf-8",
        },
        ["PATCH"] = new("PATCH", "/echo/items/7")
        {
            Body = Encoding.UTF8.GetBytes("{\"op\":\"replace\"}"),
            ContentType = "application/json",
        },
        ["DELETE"] = new("DELETE", "/echo/items/7"),
        ["path with encoded characters"] = new("GET", "/echo/hello%20world/caf%C3%A9/a%2Fb/100%25"),
        ["repeated query keys"] = new("GET", "/echo/search", "tag=a&tag=b&q=x%20y%26z&empty="),
        ["repeated and custom headers"] = new("GET", "/echo/headers")
        {
            Headers = [new("X-Custom", "one"), new("X-Repeated", "first"), new("X-Repeated", "second")],
        },
        ["request cookies"] = new("GET", "/echo/cookies")
        {
            Headers = [new("Cookie", "session=abc; theme=dark")],
        },
        ["binary request body"] = new("POST", "/echo/upload")
        {
            Body = LambdaAppEndpoints.Pattern(256),
            ContentType = "application/octet-stream",
        },
        ["large request body"] = new("POST", "/echo/upload")
        {
            Body = LambdaAppEndpoints.Pattern(1_000_000),
            ContentType = "application/octet-stream",
        },
        ["binary response"] = new("GET", "/bytes/1000"),
        ["large binary response"] = new("GET", "/bytes/3000000"),
        ["large text response"] = new("GET", "/text/4000000"),
        ["response cookies"] = new("GET", "/cookies"),
        ["repeated response headers"] = new("GET", "/headers"),
        ["status code from the endpoint"] = new("GET", "/status/404"),
        ["unknown route"] = new("GET", "/no/such/route"),
        ["method not allowed"] = new("POST", "/cookies"),
        ["unhandled exception"] = new("GET", "/throw"),
        ["request past the deadline"] = new("GET", "/slow"),
    };

    private readonly LambdaHostingFixture _fixture;

    public KestrelAndLambdaMatrixTests(LambdaHostingFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> Cases => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HttpApiPayload2_SameRequest_SameResponseAsKestrel(string name)
    {
        TestRequest request = s_cases[name];

        ObservedResponse kestrel = await _fixture.SendToKestrelAsync(request);
        ObservedResponse lambda = await _fixture.InvokeAsync(ApiGatewayEvents.HttpApiV2(request));

        AssertSame(kestrel, lambda);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RestApiPayload1_SameRequest_SameResponseAsKestrel(string name)
    {
        TestRequest request = s_cases[name];

        ObservedResponse kestrel = await _fixture.SendToKestrelAsync(request);
        ObservedResponse lambda = await _fixture.InvokeAsync(ApiGatewayEvents.RestApiV1(request));

        AssertSame(kestrel, lambda);
    }

    private static void AssertSame(ObservedResponse kestrel, ObservedResponse lambda)
    {
        string expected = kestrel.Describe();
        string actual = lambda.Describe();
        Assert.True(expected == actual, $"Kestrel answered:\n{expected}\nLambda answered:\n{actual}");
    }
}
