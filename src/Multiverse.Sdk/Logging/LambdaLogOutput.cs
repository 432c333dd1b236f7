namespace Multiverse.Sdk.Logging;

/// <summary>
/// Where the JSON lines go: standard output in Lambda. Each line is written whole and at once, on the caller's
/// thread, so that no line is left in a queue when Lambda freezes the environment after a response or kills it
/// after a timeout.
/// </summary>
internal sealed class LambdaLogOutput
{
    private readonly Stream _stream;
    private readonly Lock _lock = new();

    public LambdaLogOutput(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        _stream = stream;
    }

    public static LambdaLogOutput StandardOutput() => new(Console.OpenStandardOutput());

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }
}
