using System.IO.Pipelines;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The request and response of one invocation as ASP.NET Core features: the request comes from the event,
/// the response is buffered in memory until the application finishes and is then written into the result.
/// </summary>
internal sealed class LambdaHttpFeatures :
    IHttpRequestFeature,
    IHttpResponseFeature,
    IHttpResponseBodyFeature,
    IHttpRequestLifetimeFeature,
    IHttpRequestIdentifierFeature,
    IHttpConnectionFeature,
    IHttpAuthenticationFeature,
    IHttpRequestBodyDetectionFeature,
    IDisposable
{
    private readonly ResponseBodyStream _responseBody;
    private List<(Func<object, Task> Callback, object State)>? _onStarting;
    private List<(Func<object, Task> Callback, object State)>? _onCompleted;
    private PipeWriter? _writer;

    public LambdaHttpFeatures(int responseLimitBytes)
    {
        _responseBody = new ResponseBodyStream(this, responseLimitBytes);
        Features = new FeatureCollection(10);
        Features.Set<IHttpRequestFeature>(this);
        Features.Set<IHttpResponseFeature>(this);
        Features.Set<IHttpResponseBodyFeature>(this);
        Features.Set<IHttpRequestLifetimeFeature>(this);
        Features.Set<IHttpRequestIdentifierFeature>(this);
        Features.Set<IHttpConnectionFeature>(this);
        Features.Set<IHttpAuthenticationFeature>(this);
        Features.Set<IHttpRequestBodyDetectionFeature>(this);
    }

    public FeatureCollection Features { get; }

    public ResponseBodyStream ResponseBody => _responseBody;

    // Request
    public string Protocol { get; set; } = "HTTP/1.1";

    public string Scheme { get; set; } = "https";

    public string Method { get; set; } = "GET";

    public string PathBase { get; set; } = string.Empty;

    public string Path { get; set; } = "/";

    public string QueryString { get; set; } = string.Empty;

    public string RawTarget { get; set; } = "/";

    IHeaderDictionary IHttpRequestFeature.Headers { get; set; } = new HeaderDictionary();

    Stream IHttpRequestFeature.Body { get; set; } = Stream.Null;

    public bool CanHaveBody { get; set; }

    // Response
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    IHeaderDictionary IHttpResponseFeature.Headers { get; set; } = new HeaderDictionary();

    Stream IHttpResponseFeature.Body
    {
        get => _responseBody;
        set => throw new NotSupportedException("Replace the response body through IHttpResponseBodyFeature.");
    }

    public bool HasStarted { get; private set; }

    public Stream Stream => _responseBody;

    public PipeWriter Writer =>
        _writer ??= PipeWriter.Create(_responseBody, new StreamPipeWriterOptions(leaveOpen: true));

    // Lifetime, identity, connection
    public CancellationToken RequestAborted { get; set; }

    public string TraceIdentifier { get; set; } = string.Empty;

    public string ConnectionId { get; set; } = string.Empty;

    public IPAddress? RemoteIpAddress { get; set; }

    public IPAddress? LocalIpAddress { get; set; }

    public int RemotePort { get; set; }

    public int LocalPort { get; set; }

    public ClaimsPrincipal? User { get; set; }

    public IHeaderDictionary RequestHeaders => ((IHttpRequestFeature)this).Headers;

    public IHeaderDictionary ResponseHeaders => ((IHttpResponseFeature)this).Headers;

    public void SetRequestBody(Stream body) => ((IHttpRequestFeature)this).Body = body;

    public void Abort()
    {
        // The response of an invocation is posted as a whole: there is no connection to abort.
    }

    public void OnStarting(Func<object, Task> callback, object state) =>
        (_onStarting ??= []).Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) =>
        (_onCompleted ??= []).Add((callback, state));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (HasStarted)
        {
            return Task.CompletedTask;
        }

        HasStarted = true;
        return RunCallbacksAsync(_onStarting);
    }

    public async Task SendFileAsync(
        string path,
        long offset,
        long? count,
        CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        FileStream file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            file.Seek(offset, SeekOrigin.Begin);
            if (count is null)
            {
                await file.CopyToAsync(_responseBody, cancellationToken).ConfigureAwait(false);
                return;
            }

            byte[] buffer = new byte[count.Value];
            await file.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            await _responseBody.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        await StartAsync().ConfigureAwait(false);
    }

    public Task RunOnCompletedAsync() => RunCallbacksAsync(_onCompleted);

    /// <summary>Drops what the application wrote so an error response can replace it.</summary>
    public void ResetResponse()
    {
        StatusCode = StatusCodes.Status200OK;
        ReasonPhrase = null;
        ResponseHeaders.Clear();
        _responseBody.Clear();
    }

    public void Dispose() => _responseBody.Dispose();

    private static async Task RunCallbacksAsync(List<(Func<object, Task> Callback, object State)>? callbacks)
    {
        if (callbacks is null)
        {
            return;
        }

        // ASP.NET Core runs these callbacks in the reverse order of registration.
        for (int index = callbacks.Count - 1; index >= 0; index--)
        {
            await callbacks[index].Callback(callbacks[index].State).ConfigureAwait(false);
        }
    }
}
