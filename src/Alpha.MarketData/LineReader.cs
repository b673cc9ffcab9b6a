using System.Text;

namespace Alpha.MarketData;

/// <summary>
/// Reads lines of text with a bound on their length, so that a file with no line breaks (or a decompressed bomb)
/// cannot make one line allocate without limit: a longer line is reported and skipped up to its end.
/// Line breaks are '\n' or "\r\n", as <see cref="TextReader.ReadLine"/> splits them.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxLength)
{
    /// <summary>The longest line the bar readers accept, in characters (no bar row comes near it).</summary>
    public const int DefaultMaxLength = 1 << 24;

    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _pending = new();
    private int _position;
    private int _length;
    private bool _ended;

    /// <summary>The next line without its break, or null at the end; <paramref name="tooLong"/> is set (and the line null-less but empty) when it exceeded the bound.</summary>
    public string? ReadLine(out bool tooLong)
    {
        tooLong = false;
        _pending.Clear();
        long length = 0;
        while (true)
        {
            if (_position == _length)
            {
                if (_ended || (_length = reader.Read(_buffer, 0, _buffer.Length)) == 0)
                {
                    _ended = true;
                    _position = _length = 0;
                    return length == 0 && !tooLong ? null : Finish(tooLong);
                }

                _position = 0;
            }

            ReadOnlySpan<char> available = _buffer.AsSpan(_position, _length - _position);
            int newline = available.IndexOf('\n');
            ReadOnlySpan<char> part = newline < 0 ? available : available[..newline];
            if (newline >= 0 && length == 0 && part.Length <= maxLength)
            {
                // The whole line lies in the buffer (the usual case): one copy, straight into the string.
                _position += newline + 1;
                return new string(part.EndsWith('\r') ? part[..^1] : part);
            }

            length += part.Length;
            if (length > maxLength)
            {
                tooLong = true;
                _pending.Clear();
            }
            else
            {
                _pending.Append(part);
            }

            _position += newline < 0 ? part.Length : newline + 1;
            if (newline >= 0)
            {
                return Finish(tooLong);
            }
        }
    }

    private string Finish(bool tooLong)
    {
        if (tooLong)
        {
            return "";
        }

        int end = _pending.Length;
        if (end > 0 && _pending[end - 1] == '\r')
        {
            end--;
        }

        return _pending.ToString(0, end);
    }
}
