namespace Multiverse.Sdk.Objects;

/// <summary>
/// A read-only view of a slice of a file, so that callers see an object's bytes and never its trailer.
/// </summary>
internal sealed class BoundedReadStream : Stream
{
    private readonly FileStream _file;
    private long _remaining;

    public BoundedReadStream(FileStream file, long offset, long length)
    {
        _file = file;
        _file.Position = offset;
        _remaining = length;
        Length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => Length - _remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _file.Read(buffer[..Limit(buffer.Length)]);
        _remaining -= read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _file.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken).ConfigureAwait(false);
        _remaining -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Limit(int requested) => (int)Math.Min(requested, _remaining);
}
