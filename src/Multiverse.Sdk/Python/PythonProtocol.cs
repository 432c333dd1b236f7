using System.Buffers.Binary;

namespace Multiverse.Sdk.Python;

/// <summary>
/// The frame layout shared with multiverse_worker.py. Every frame is little-endian:
/// <c>u32 length of the rest, u32 request id, u8 kind or status</c>, then the body. A call's body is
/// <c>u16 name length, UTF-8 name, arguments JSON</c>.
/// </summary>
internal static class PythonProtocol
{
    public const int HeaderSize = 9;
    public const int CallPrefixSize = HeaderSize + 2;
    public const int MaxFunctionNameBytes = ushort.MaxValue;

    public const byte KindCall = 1;
    public const byte KindCancel = 2;
    public const byte KindImport = 3;

    public const byte StatusOk = 0;
    public const byte StatusError = 1;
    public const byte StatusInvalidResult = 2;
    public const byte StatusResultTooLarge = 3;
    public const byte StatusCancelled = 4;
    public const byte StatusHello = 5;

    /// <summary>The worker exits with this code when the interpreter is older than it supports.</summary>
    public const int ExitInterpreterTooOld = 78;

    public const string MinimumVersion = "3.9";

    public static void WriteHeader(Span<byte> frame, int frameLength, uint requestId, byte kind)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(frameLength - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], requestId);
        frame[8] = kind;
    }

    public static void WriteRequestId(Span<byte> frame, uint requestId) =>
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], requestId);

    public static int ReadFrameLength(ReadOnlySpan<byte> header) =>
        checked((int)BinaryPrimitives.ReadUInt32LittleEndian(header) + 4);

    public static uint ReadRequestId(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
}
