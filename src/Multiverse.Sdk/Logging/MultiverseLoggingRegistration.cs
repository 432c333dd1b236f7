using Microsoft.Extensions.Hosting;

namespace Multiverse.Sdk.Logging;

/// <summary>
/// Chooses the log format: Powertools-style JSON lines inside Lambda, the normal console format elsewhere.
/// </summary>
internal static class MultiverseLoggingRegistration
{
    public static void AddMultiverseLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }
}
