using System.Globalization;
using System.Text;

namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>Streams FASTA bytes in any chunking and collects <c>.fai</c> entries (see <see cref="FastaIndex.Build(Func{Span{byte}, int}, string)"/>).</summary>
internal sealed class FastaIndexBuilder
{
    private readonly string _path;
    private readonly List<FastaIndexEntry> _entries = [];
    private readonly List<byte> _header = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private long _position;        // absolute offset of the next byte
    private long _lineNumber;      // 1-based number of the current line
    private bool _atLineStart = true;
    private bool _inHeader;
    private long _lineLength;      // bytes of the current line so far, terminator excluded
    private byte _lastByte;

    private string? _name;
    private long _offset;
    private long _length;
    private int _lineBases;
    private int _lineWidth;
    private bool _ended;           // a short or empty line was seen: only a header may follow

    public FastaIndexBuilder(string path) => _path = path;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        int i = 0;
        while (i < chunk.Length)
        {
            if (_atLineStart)
            {
                _lineNumber++;
                _atLineStart = false;
                _lineLength = 0;
                _inHeader = chunk[i] == (byte)'>';
                _header.Clear();
            }

            ReadOnlySpan<byte> rest = chunk[i..];
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> segment = newline < 0 ? rest : rest[..newline];
            if (_inHeader)
            {
                _header.AddRange(segment);
            }

            if (segment.Length > 0)
            {
                _lineLength += segment.Length;
                _lastByte = segment[^1];
            }

            if (newline < 0)
            {
                _position += rest.Length;
                return;
            }

            _position += newline + 1;
            i += newline + 1;
            EndLine(terminated: true);
        }
    }

    public IReadOnlyList<FastaIndexEntry> Complete()
    {
        if (!_atLineStart)
        {
            EndLine(terminated: false);
        }

        FinishSequence();
        return _entries;
    }

    private void EndLine(bool terminated)
    {
        _atLineStart = true;
        bool carriageReturn = _lineLength > 0 && _lastByte == (byte)'\r';
        long content = _lineLength - (carriageReturn ? 1 : 0);
        if (_inHeader)
        {
            FinishSequence();
            _name = HeaderName();
            _offset = _position;
            _length = 0;
            _lineBases = 0;
            _lineWidth = 0;
            _ended = false;
            return;
        }

        if (_name is null)
        {
            if (content > 0)
            {
                throw Error("expected a '>' header line before the first sequence");
            }

            return;
        }

        if (content == 0)
        {
            _ended = _length > 0 || _ended;
            return;
        }

        if (_ended)
        {
            throw Error($"sequence {_name} has lines of different lengths (only the last line may be shorter)");
        }

        int width = (int)(content + (terminated ? (carriageReturn ? 2 : 1) : 1));
        if (_lineBases == 0)
        {
            _lineBases = (int)content;
            _lineWidth = width;
        }
        else if (content > _lineBases || (content == _lineBases && terminated && width != _lineWidth))
        {
            throw Error($"sequence {_name} has lines of different lengths (only the last line may be shorter)");
        }
        else if (content < _lineBases)
        {
            _ended = true;
        }

        _length += content;
    }

    private void FinishSequence()
    {
        if (_name is not null && _length > 0)
        {
            if (!_names.Add(_name))
            {
                throw new FastaFormatException(_path, $"contig {_name} appears twice");
            }

            _entries.Add(new FastaIndexEntry(_name, _length, _offset, _lineBases, _lineWidth));
        }

        _name = null;
    }

    private string HeaderName()
    {
        // As htslib: the name is the first word after '>', leading blanks skipped; it may be empty.
        ReadOnlySpan<byte> header = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_header)[1..];
        header = header.TrimStart(" \t"u8);
        int end = header.IndexOfAny(" \t\r"u8);
        return Encoding.ASCII.GetString(end < 0 ? header : header[..end]);
    }

    private FastaFormatException Error(string problem) =>
        new(_path, string.Create(CultureInfo.InvariantCulture, $"line {_lineNumber}: {problem}"));
}
