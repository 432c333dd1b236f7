using System.Text.Json;

namespace Multiverse.Sdk.Tests.Lambda.RuntimeApi;

/// <summary>An error posted to the Runtime API: the error-type header and the JSON body's fields.</summary>
public sealed record RuntimeApiError(string? ErrorType, string? ErrorMessage, string? BodyErrorType)
{
    public static RuntimeApiError Parse(string? headerErrorType, byte[] body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("stackTrace", out JsonElement stackTrace)
            || stackTrace.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException(
                "The error body has no stackTrace array, which the Runtime API requires.");
        }

        return new RuntimeApiError(
            headerErrorType,
            root.GetProperty("errorMessage").GetString(),
            root.GetProperty("errorType").GetString());
    }
}
