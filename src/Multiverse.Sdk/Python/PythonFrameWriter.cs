using System.Buffers;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Builds one request frame in a pooled array: the header is reserved first and filled in once the arguments'
/// JSON has been written behind it, so the arguments are never copied.
/// </summary>
internal sealed class PythonFrameWriter : IBufferWriter<byte>
{
    private byte[] _buffer = [];
    private int _written;

    public void Start(int reserved)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(reserved + 256, 1024));
        _written = reserved;
    }

    public int Written => _written;

    /// <summary>Hands the array over to the caller, who returns it to the pool once the frame is sent.</summary>
    public byte[] Detach()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _written = 0;
        return buffer;
    }

    public Span<byte> Reserved(int length) => _buffer.AsSpan(0, length);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Grow(int sizeHint)
    {
        int needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
