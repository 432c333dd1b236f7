using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Speaks the Lambda Runtime API, version 2018-06-01: fetches invocations and posts their results.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly TimeSpan[] s_retryDelays =
    [
        TimeSpan.FromMilliseconds(20),
        TimeSpan.FromMilliseconds(50),
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(250),
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1),
    ];

    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;

    public RuntimeApiClient(string runtimeApi, ILogger logger)
    {
        _logger = logger;

        // The Runtime API is on loopback inside the execution environment: no proxy, no cookies, no
        // decompression, and no client-side timeout because "next" blocks until an event arrives.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _httpClient = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, "invocation/next"),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LambdaRuntimeApiException(
                $"The Runtime API answered {(int)response.StatusCode} to 'next'; the runtime cannot continue.",
                response.StatusCode);
        }

        HttpResponseHeaders headers = response.Headers;
        string requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new LambdaRuntimeApiException(
                "The Runtime API sent an invocation without a Lambda-Runtime-Aws-Request-Id header.");
        DateTimeOffset deadline = long.TryParse(
            Header(headers, "Lambda-Runtime-Deadline-Ms"),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out long deadlineMilliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(deadlineMilliseconds)
            : DateTimeOffset.MaxValue;
        byte[] payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeInvocation(
            requestId,
            deadline,
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn") ?? string.Empty,
            Header(headers, "Lambda-Runtime-Trace-Id"),
            Header(headers, "Lambda-Runtime-Client-Context"),
            Header(headers, "Lambda-Runtime-Cognito-Identity"),
            payload);
    }

    public Task<HttpStatusCode> PostResponseAsync(
        string requestId,
        ReadOnlyMemory<byte> payload,
        CancellationToken cancellationToken) =>
        PostAsync(
            $"invocation/{Uri.EscapeDataString(requestId)}/response",
            payload,
            errorType: null,
            cancellationToken);

    public Task<HttpStatusCode> PostInvocationErrorAsync(
        string requestId,
        RuntimeError error,
        CancellationToken cancellationToken) =>
        PostAsync(
            $"invocation/{Uri.EscapeDataString(requestId)}/error",
            error.ToJson(),
            error.ErrorType,
            cancellationToken);

    public Task<HttpStatusCode> PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync("init/error", error.ToJson(), error.ErrorType, cancellationToken);

    public void Dispose() => _httpClient.Dispose();

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    private static bool IsTransient(HttpRequestException exception) =>
        exception.InnerException is SocketException or IOException
        || exception.HttpRequestError is HttpRequestError.ConnectionError;

    private async Task<HttpStatusCode> PostAsync(
        string path,
        ReadOnlyMemory<byte> body,
        string? errorType,
        CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path)
                {
                    Content = new ReadOnlyMemoryContent(body),
                };
                request.Content.Headers.ContentType = s_json;
                if (errorType is not null)
                {
                    request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
                }

                return request;
            },
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            throw new LambdaRuntimeApiException(
                $"The Runtime API answered 500 to '{path}': the execution environment failed and the runtime "
                + "must exit.",
                response.StatusCode);
        }

        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            using HttpRequestMessage request = createRequest();
            try
            {
                return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (IsTransient(exception) && attempt < s_retryDelays.Length)
            {
                TimeSpan delay = s_retryDelays[attempt];
                LambdaLog.RuntimeApiRetry(_logger, exception, request.RequestUri?.OriginalString, attempt + 1, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new LambdaRuntimeApiException(
                    $"The Runtime API could not be reached ({exception.Message}); the runtime cannot continue.",
                    exception);
            }
        }
    }
}
