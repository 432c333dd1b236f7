using System.Buffers;

namespace Multiverse.Sdk.Python;

/// <summary>A worker's answer to one call: a status and a body held in a pooled array.</summary>
internal readonly struct PythonResponse
{
    public PythonResponse(byte status, byte[] buffer, int offset, int length)
    {
        Status = status;
        Buffer = buffer;
        Offset = offset;
        Length = length;
    }

    public byte Status { get; }

    public byte[] Buffer { get; }

    public int Offset { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Body => Buffer.AsSpan(Offset, Length);

    public void Release()
    {
        if (Buffer is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
