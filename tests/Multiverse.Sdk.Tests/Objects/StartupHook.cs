using Multiverse.Sdk.Tests.Objects;

#pragma warning disable CA1050 // The runtime finds a startup hook only by this exact name, outside any namespace.

/// <summary>
/// Lets a test run code in a child process: the test starts this assembly with DOTNET_STARTUP_HOOKS pointing at
/// it, and the hook runs the requested scenario before the (empty) generated entry point.
/// </summary>
public static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(KilledWriter.RootVariable) is { Length: > 0 } root)
        {
            KilledWriter.RunUntilKilledAsync(root).GetAwaiter().GetResult();
        }
    }
}
