namespace Multiverse.Sdk.Logging;

/// <summary>
/// Remembers whether an invocation has reported a warm start, so that lines written outside an invocation (start-up,
/// background work) carry <c>cold_start: true</c> until then and <c>false</c> afterwards.
/// </summary>
internal sealed class ColdStartTracker
{
    private volatile bool _warmStartSeen;

    public bool IsColdStart => !_warmStartSeen;

    public void Observe(bool coldStart)
    {
        if (!coldStart)
        {
            _warmStartSeen = true;
        }
    }
}
