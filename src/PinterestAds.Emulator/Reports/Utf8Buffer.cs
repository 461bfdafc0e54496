using System.Buffers.Text;
using System.Text;

namespace PinterestAds.Emulator.Reports;

/// <summary>
/// A growable UTF-8 byte buffer with fast writers for the few value kinds a report has. Rows are
/// written into it synchronously and the caller flushes it to the (async) response stream in chunks.
/// </summary>
internal sealed class Utf8Buffer
{
    private byte[] _buffer;

    public Utf8Buffer(int capacity = 1 << 16) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    private Span<byte> Reserve(int size)
    {
        if (Length + size > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + size));
        return _buffer.AsSpan(Length);
    }

    public void Byte(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    /// <summary>Writes text known to need no escaping (names of columns, punctuation, dates, ids).</summary>
    public void Ascii(string s)
    {
        var span = Reserve(s.Length);
        for (var i = 0; i < s.Length; i++) span[i] = (byte)s[i];
        Length += s.Length;
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void Integer(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out var n);
        Length += n;
    }

    /// <summary>Shortest round-trippable form, invariant culture.</summary>
    public void Decimal(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            Integer((long)value);
            return;
        }
        Utf8Formatter.TryFormat(value, Reserve(32), out var n);
        Length += n;
    }

    /// <summary>A JSON string literal with the quotes.</summary>
    public void JsonString(string s)
    {
        var simple = true;
        foreach (var ch in s)
        {
            if (ch < 0x20 || ch >= 0x80 || ch == '"' || ch == '\\') { simple = false; break; }
        }
        Byte((byte)'"');
        if (simple)
        {
            Ascii(s);
        }
        else
        {
            var escaped = new StringBuilder(s.Length + 8);
            foreach (var ch in s)
            {
                if (ch == '"' || ch == '\\') escaped.Append('\\').Append(ch);
                else if (ch < 0x20) escaped.Append("\\u").Append(((int)ch).ToString("x4"));
                else escaped.Append(ch);
            }
            var text = escaped.ToString();
            var span = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
            Length += Encoding.UTF8.GetBytes(text, span);
        }
        Byte((byte)'"');
    }

    /// <summary>A CSV field, quoted only when it has to be.</summary>
    public void CsvString(string s)
    {
        if (s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0)
        {
            var span = Reserve(Encoding.UTF8.GetMaxByteCount(s.Length));
            Length += Encoding.UTF8.GetBytes(s, span);
            return;
        }
        var quoted = "\"" + s.Replace("\"", "\"\"") + "\"";
        var q = Reserve(Encoding.UTF8.GetMaxByteCount(quoted.Length));
        Length += Encoding.UTF8.GetBytes(quoted, q);
    }
}
