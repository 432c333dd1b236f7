using System.Text;

namespace Multiverse.Sdk.Python;

/// <summary>
/// Reads what a Python process writes to stdout or stderr and hands it on line by line. Works on raw bytes:
/// invalid UTF-8 is replaced, and an endless line without a newline is cut into pieces instead of buffered.
/// Keeps the last lines so a crash report can show them.
/// </summary>
internal sealed class PythonOutputPump
{
    private const int MaxLineBytes = 8192;
    private const int TailLines = 20;

    private readonly Queue<string> _tail = new();
    private readonly Action<string> _onLine;
    private readonly Task _completion;

    public PythonOutputPump(Stream stream, Action<string> onLine)
    {
        _onLine = onLine;
        _completion = Task.Run(() => PumpAsync(stream));
    }

    /// <summary>Gets a task that completes when the stream ends.</summary>
    public Task Completion => _completion;

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    private async Task PumpAsync(Stream stream)
    {
        byte[] buffer = new byte[MaxLineBytes];
        int filled = 0;
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                int start = 0;
                int newline;
                while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
                {
                    Emit(buffer.AsSpan(start, newline));
                    start += newline + 1;
                }

                if (start == 0 && filled == buffer.Length)
                {
                    Emit(buffer);
                    filled = 0;
                    continue;
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        catch (IOException)
        {
            // The process went away mid-read; whatever was read is already emitted.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading: the process was killed and cleaned up.
        }

        if (filled > 0)
        {
            Emit(buffer.AsSpan(0, filled));
        }
    }

    private void Emit(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        string text = Encoding.UTF8.GetString(line);
        lock (_tail)
        {
            _tail.Enqueue(text);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }

        _onLine(text);
    }
}
