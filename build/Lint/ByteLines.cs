using System.Text;

namespace TvmBuild.Lint;

/// <summary>Files as bytes, the way pre-commit-hooks reads them (<c>open(f, 'rb')</c>): fixers change the bytes they
/// fix and keep every other one, whatever the encoding (Latin-1, a BOM, bytes that are not UTF-8).</summary>
public static class ByteLines
{
    /// <summary>Python's <c>readlines()</c> in binary mode: pieces ending after each <c>\n</c> (the last may lack
    /// one).</summary>
    public static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n') { lines.Add(bytes[start..(i + 1)]); start = i + 1; }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

    /// <summary>Python's <c>bytes.splitlines(True)</c>: pieces ending after <c>\r\n</c>, <c>\r</c> or
    /// <c>\n</c>.</summary>
    public static List<byte[]> SplitUniversal(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n' && bytes[i] != '\r') continue;
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
            lines.Add(bytes[start..(i + 1)]);
            start = i + 1;
        }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

    /// <summary>The line's end: <c>\r\n</c>, <c>\n</c> or none (a lone <c>\r</c> is content, as in the
    /// hooks).</summary>
    public static int EndLength(ReadOnlySpan<byte> line) =>
        line.EndsWith("\r\n"u8) ? 2 : line.EndsWith("\n"u8) ? 1 : 0;

    /// <summary>Python's <c>bytes.isspace()</c> set, which <c>bytes.rstrip()</c> strips: space, \t, \n, \r, \v,
    /// \f.</summary>
    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    /// <summary>Python's <c>bytes.rstrip()</c>: the length without trailing ASCII whitespace.</summary>
    public static int RStrip(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 0 && IsSpace(bytes[end - 1])) end--;
        return end;
    }

    public static bool StartsWithBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);

    /// <summary>The 1-based column of the byte at <paramref name="index"/>, in characters as an editor shows them:
    /// UTF-8 decoded, each byte that is not UTF-8 one character (as Latin-1 reads it), a BOM none.</summary>
    public static int Column(ReadOnlySpan<byte> line, int index, bool firstLine)
    {
        var position = firstLine && StartsWithBom(line) ? 3 : 0;
        var column = 1;
        while (position < index)
        {
            var status = Rune.DecodeFromUtf8(line[position..index], out _, out var consumed);
            position += status == System.Buffers.OperationStatus.Done ? consumed : 1;
            column++;
        }
        return column;
    }

    public static byte[] Concat(IEnumerable<byte[]> pieces)
    {
        var stream = new MemoryStream();
        foreach (var piece in pieces) stream.Write(piece);
        return stream.ToArray();
    }
}
