using System.Security.Cryptography;
using System.Text;

namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>
/// What a client observes of a response, whether it came from Kestrel or from an API Gateway result:
/// status, headers and body. <see cref="Describe"/> renders the parts that must agree across transports.
/// </summary>
public sealed record ObservedResponse(int StatusCode, Dictionary<string, List<string>> Headers, byte[] Body)
{
    private static readonly string[] s_comparedHeaders = ["Content-Type", "X-Multi", "X-Single", "Set-Cookie"];

    public static async Task<ObservedResponse> FromHttpAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToList();
        }

        return new ObservedResponse((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public string? Header(string name) =>
        Headers.TryGetValue(name, out List<string>? values) ? string.Join(",", values) : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("status: ").Append(StatusCode).AppendLine();
        foreach (string name in s_comparedHeaders)
        {
            if (Header(name) is { } value)
            {
                text.Append(name).Append(": ").AppendLine(value);
            }
        }

        text.Append("body: ").Append(Body.Length).Append(" bytes, sha256 ")
            .AppendLine(Convert.ToHexString(SHA256.HashData(Body)));
        if (Body.Length < 2048 && !Body.Any(b => b == 0))
        {
            text.AppendLine(BodyText);
        }

        return text.ToString();
    }
}
