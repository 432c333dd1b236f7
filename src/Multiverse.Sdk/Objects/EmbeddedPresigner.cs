using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// Signs and checks the embedded provider's presigned URLs: HMAC-SHA256 over the method, bucket, key and expiry,
/// so a URL works for exactly one operation on one object until it expires, like an S3 presigned URL.
/// </summary>
internal sealed class EmbeddedPresigner
{
    public const string DefaultPath = "/_multiverse/objects";

    private readonly byte[] _signingKey;
    private readonly Uri? _publicBaseUrl;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;

    public EmbeddedPresigner(IOptions<ObjectsOptions> options, IServiceProvider services, TimeProvider time)
    {
        EmbeddedObjectsOptions embedded = options.Value.Embedded;
        _signingKey = embedded.PresignSigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : RandomNumberGenerator.GetBytes(32);
        _publicBaseUrl = embedded.PublicBaseUrl;
        _services = services;
        _time = time;
    }

    /// <summary>Gets or sets the path the endpoint is mapped at; <see langword="null"/> until it is mapped.</summary>
    public string? EndpointPath { get; set; }

    public Uri CreateUrl(string bucketName, string key, HttpMethod method, TimeSpan expiresIn)
    {
        string path = EndpointPath ?? throw new InvalidOperationException(
            "The embedded object store serves presigned URLs from the application itself, but its endpoint is not "
            + "mapped. Call app.MapMultiverseObjects() after building the WebApplication.");
        long expires = _time.GetUtcNow().Add(expiresIn).ToUnixTimeSeconds();
        string signature = Sign(method.Method, bucketName, key, expires);
        string relative = string.Create(
            CultureInfo.InvariantCulture,
            $"{path.TrimStart('/')}/{Uri.EscapeDataString(bucketName)}?key={Uri.EscapeDataString(key)}"
            + $"&expires={expires}&signature={signature}");
        return new Uri(ResolveBaseUrl(), relative);
    }

    /// <summary>Checks a request's signature and expiry; returns why it is refused, or null when it is valid.</summary>
    public string? Check(string method, string bucketName, string? key, string? expires, string? signature)
    {
        if (key is null
            || signature is null
            || !long.TryParse(expires, CultureInfo.InvariantCulture, out long expiresAt))
        {
            return "the URL lacks its key, expires or signature parameter";
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(method, bucketName, key, expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return "the signature does not match (wrong method, changed URL, or signed with another key)";
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() >= expiresAt ? "the URL has expired" : null;
    }

    private string Sign(string method, string bucketName, string key, long expires)
    {
        string payload = string.Create(CultureInfo.InvariantCulture, $"{method}\n{bucketName}\n{key}\n{expires}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(payload)));
    }

    private Uri ResolveBaseUrl()
    {
        if (_publicBaseUrl is not null)
        {
            return WithTrailingSlash(_publicBaseUrl);
        }

        ICollection<string>? addresses =
            _services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        string? address = addresses?.OrderBy(item => item.StartsWith("https", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (address is null)
        {
            throw new InvalidOperationException(
                "The embedded object store cannot tell the address the application listens on. Set "
                + "Multiverse:Objects:Embedded:PublicBaseUrl (environment variable "
                + "Multiverse__Objects__Embedded__PublicBaseUrl), for example http://localhost:5000.");
        }

        // Kestrel reports wildcard bindings as written in the configuration; clients need a host they can reach.
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return WithTrailingSlash(builder.Uri);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
