using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Multiverse.Sdk.Python;

/// <summary>Turns a worker's response into the caller's result or into the exception that describes it.</summary>
internal static class PythonResults
{
    public static TResult Decode<TResult>(
        string function,
        PythonResponse response,
        JsonTypeInfo<TResult> resultType,
        long limit)
    {
        switch (response.Status)
        {
            case PythonProtocol.StatusOk:
                try
                {
                    return JsonSerializer.Deserialize(response.Body, resultType)!;
                }
                catch (JsonException exception)
                {
                    throw new PythonInvalidResultException(
                        $"The result of Python function '{function}' does not fit {typeof(TResult).Name}: "
                        + $"{exception.Message} Return a value whose JSON matches that type, or change the type.",
                        exception);
                }

            case PythonProtocol.StatusError:
                throw FunctionFailed(function, response.Body);

            case PythonProtocol.StatusInvalidResult:
                throw InvalidResult(function, response.Body);

            case PythonProtocol.StatusResultTooLarge:
                throw TooLarge(function, response.Body, limit);

            default:
                throw new PythonException(
                    $"The Python worker answered '{function}' with unknown status {response.Status}; "
                    + "the worker script does not match this SDK version.");
        }
    }

    private static PythonFunctionException FunctionFailed(string function, ReadOnlySpan<byte> body)
    {
        (string type, string message, string traceback) = ReadError(body);
        return new PythonFunctionException(function, type, message, traceback);
    }

    private static PythonInvalidResultException InvalidResult(string function, ReadOnlySpan<byte> body)
    {
        (string type, string message, _) = ReadError(body);
        return new PythonInvalidResultException(
            $"Python function '{function}' returned a value that is not JSON ({type}: {message}). "
            + "Return dicts, lists, strings, numbers (not NaN or infinity), booleans or None.");
    }

    private static PythonResultTooLargeException TooLarge(string function, ReadOnlySpan<byte> body, long limit)
    {
        long size = long.Parse(Encoding.ASCII.GetString(body), CultureInfo.InvariantCulture);
        return new PythonResultTooLargeException(
            $"Python function '{function}' returned {size:N0} bytes of JSON, more than the {limit:N0} allowed by "
            + "Multiverse:Python:MaxResultBytes. Return less, or raise the limit.",
            size,
            limit);
    }

    public static (string Type, string Message, string Traceback) ReadError(ReadOnlySpan<byte> body)
    {
        string type = "Exception";
        string message = string.Empty;
        string traceback = string.Empty;
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            string? name = reader.GetString();
            reader.Read();
            string value = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty;
            switch (name)
            {
                case "type":
                    type = value;
                    break;
                case "message":
                    message = value;
                    break;
                case "traceback":
                    traceback = value;
                    break;
            }
        }

        return (type, message, traceback);
    }
}
