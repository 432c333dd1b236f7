namespace Multiverse.Sdk.Tests.Aws;

/// <summary>A clock the test moves by hand, so expiry and refresh are tested without waiting.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    /// <summary>Starts at the current time, in whole seconds as STS writes expiry times.</summary>
    public static ManualTimeProvider StartingNow() =>
        new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
