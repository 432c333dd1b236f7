using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Reads log level names in the spellings Powertools and Lambda use: the .NET names (<c>Information</c>), the
/// Lambda names (<c>INFO</c>, <c>WARN</c>, <c>FATAL</c>) and the Python names (<c>WARNING</c>, <c>CRITICAL</c>).
/// </summary>
internal static class LogLevelNames
{
    public const string Accepted =
        "Trace, Debug, Information (or Info), Warning (or Warn), Error, Critical (or Fatal), None";

    public static bool TryParse(string? value, out LogLevel level)
    {
        level = LogLevel.None;
        if (value is null)
        {
            return false;
        }

        switch (value.Trim().ToUpperInvariant())
        {
            case "TRACE":
                level = LogLevel.Trace;
                return true;
            case "DEBUG":
                level = LogLevel.Debug;
                return true;
            case "INFO":
            case "INFORMATION":
                level = LogLevel.Information;
                return true;
            case "WARN":
            case "WARNING":
                level = LogLevel.Warning;
                return true;
            case "ERROR":
                level = LogLevel.Error;
                return true;
            case "FATAL":
            case "CRITICAL":
                level = LogLevel.Critical;
                return true;
            case "NONE":
                level = LogLevel.None;
                return true;
            default:
                return false;
        }
    }
}
