namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Buffers a response body in memory, up to a limit: a body that grows past it is marked as too large and
/// the rest is dropped, so an oversized response costs bounded memory and becomes a 413 problem response.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly LambdaHttpFeatures _features;
    private readonly int _limitBytes;
    private byte[] _buffer = [];
    private int _length;

    public ResponseBodyStream(LambdaHttpFeatures features, int limitBytes)
    {
        _features = features;
        _limitBytes = limitBytes;
    }

    public bool IsTooLarge { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public void Clear()
    {
        _length = 0;
        IsTooLarge = false;
    }

    public override void Flush()
    {
        if (!_features.HasStarted)
        {
            _features.StartAsync().GetAwaiter().GetResult();
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken) =>
        await _features.StartAsync(cancellationToken).ConfigureAwait(false);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_features.HasStarted)
        {
            _features.StartAsync().GetAwaiter().GetResult();
        }

        Append(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        if (!_features.HasStarted)
        {
            await _features.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        Append(buffer.Span);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (IsTooLarge)
        {
            return;
        }

        if ((long)_length + data.Length > _limitBytes)
        {
            IsTooLarge = true;
            return;
        }

        if (_length + data.Length > _buffer.Length)
        {
            int capacity = Math.Max(_length + data.Length, Math.Max(4096, _buffer.Length * 2));
            Array.Resize(ref _buffer, Math.Min(capacity, _limitBytes));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }
}
