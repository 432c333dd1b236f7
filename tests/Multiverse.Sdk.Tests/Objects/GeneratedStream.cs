namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// A read-only, non-seekable stream of a given length whose bytes are computed as they are read, so that
/// gigabytes can be uploaded without being held anywhere. It can fail or report progress at a chosen offset.
/// </summary>
public sealed class GeneratedStream : Stream
{
    private const int BlockSize = 65_536;

    private readonly byte[] _block;
    private readonly long _length;
    private readonly long _failAt;
    private readonly Action<long>? _onRead;
    private long _position;

    /// <param name="length">The number of bytes the stream yields.</param>
    /// <param name="seed">Different seeds give different contents.</param>
    /// <param name="failAt">The offset at which reading throws an IOException; -1 for never.</param>
    /// <param name="onRead">Called with the position after every read.</param>
    public GeneratedStream(long length, int seed = 1, long failAt = -1, Action<long>? onRead = null)
    {
        _length = length;
        _failAt = failAt;
        _onRead = onRead;
        _block = new byte[BlockSize + 256];
        new Random(seed).NextBytes(_block);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The whole content, for comparing small streams.</summary>
    public static byte[] Bytes(long length, int seed = 1)
    {
        using var stream = new GeneratedStream(length, seed);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_failAt >= 0 && _position >= _failAt)
        {
            throw new IOException($"The generated stream fails at offset {_failAt}, as the test asked.");
        }

        long end = _failAt >= 0 ? Math.Min(_length, _failAt) : _length;
        int count = (int)Math.Min(buffer.Length, end - _position);
        if (count == 0 && _failAt >= 0 && _failAt < _length)
        {
            throw new IOException($"The generated stream fails at offset {_failAt}, as the test asked.");
        }

        int written = 0;
        while (written < count)
        {
            // Each 64 KiB block starts at a different offset into the random block, so blocks differ.
            long blockIndex = (_position + written) / BlockSize;
            int inBlock = (int)((_position + written) % BlockSize);
            int take = Math.Min(count - written, BlockSize - inBlock);
            _block.AsSpan((int)(blockIndex % 256) + inBlock, take).CopyTo(buffer[written..]);
            written += take;
        }

        _position += count;
        _onRead?.Invoke(_position);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
