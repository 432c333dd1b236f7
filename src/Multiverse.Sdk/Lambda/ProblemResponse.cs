using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Multiverse.Sdk.Lambda;

/// <summary>
/// The <c>application/problem+json</c> bodies that Lambda hosting answers with when the application cannot:
/// the same bytes on Kestrel and on Lambda, so a client cannot tell the two apart.
/// </summary>
internal static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    public static byte[] Create(int status, string title, string? detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeFor(status));
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] UnhandledException(Exception exception, bool includeDetails) =>
        Create(
            StatusCodes.Status500InternalServerError,
            "An error occurred while processing your request.",
            includeDetails ? exception.ToString() : null);

    public static byte[] Timeout() =>
        Create(
            StatusCodes.Status504GatewayTimeout,
            "The request did not finish before the function's deadline.",
            detail: null);

    public static byte[] ResponseTooLarge(int limitBytes) =>
        Create(
            StatusCodes.Status413PayloadTooLarge,
            "The response is larger than Lambda allows.",
            $"A Lambda response may be at most {limitBytes} bytes once encoded; return less data per request, "
            + "for example with paging or a presigned S3 URL.");

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status504GatewayTimeout => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
