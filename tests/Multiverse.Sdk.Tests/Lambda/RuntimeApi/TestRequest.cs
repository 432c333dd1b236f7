namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>
/// A request described once and sent either to Kestrel as HTTP or to the Runtime API as an API Gateway event.
/// <see cref="RawPath"/> and <see cref="RawQuery"/> are as on the wire (percent-encoded).
/// </summary>
public sealed record TestRequest(string Method, string RawPath, string RawQuery = "")
{
    public List<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IEnumerable<KeyValuePair<string, string>> AllHeaders()
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            yield return header;
        }

        if (ContentType is not null)
        {
            yield return KeyValuePair.Create("Content-Type", ContentType);
        }

        if (Body is not null)
        {
            yield return KeyValuePair.Create(
                "Content-Length",
                Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public HttpRequestMessage ToHttpRequest(Uri baseAddress)
    {
        string target = RawPath + (RawQuery.Length > 0 ? "?" + RawQuery : string.Empty);
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress, target));
        foreach (KeyValuePair<string, string> header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }
}
