using System.Runtime.CompilerServices;
namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Writes SAM text, as <c>samtools view --no-PG</c> does, to a stream: optionally the header
/// (<see cref="WriteHeader"/>), then one line per record.
/// </summary>
public sealed class SamTextWriter : IDisposable
{
    private const int FlushThreshold = 1 << 16;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly SamTextFormatter _formatter;
    private readonly SamHeader _header;
    private readonly byte[] _buffer = new byte[FlushThreshold * 2];
    private int _filled;

    /// <summary>Creates a writer over <paramref name="output"/>; the stream is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public SamTextWriter(Stream output, SamHeader header, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        _output = output;
        _header = header;
        _leaveOpen = leaveOpen;
        _formatter = new SamTextFormatter(header);
    }

    /// <summary>Writes the header as <c>samtools view -H --no-PG</c> prints it (<see cref="SamHeader.GetSamTextBytes"/>).</summary>
    public void WriteHeader()
    {
        Append(_header.GetSamTextBytes());
    }

    /// <summary>Writes one record as a SAM line.</summary>
    public void Write(BamRecord record) => Append(_formatter.FormatLine(record));

    /// <summary>Writes buffered text to the stream.</summary>
    public void Flush()
    {
        if (_filled > 0)
        {
            _output.Write(_buffer, 0, _filled);
            _filled = 0;
        }

        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_filled + bytes.Length > _buffer.Length)
        {
            _output.Write(_buffer, 0, _filled);
            _filled = 0;
            if (bytes.Length > _buffer.Length)
            {
                _output.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_filled));
        _filled += bytes.Length;
        if (_filled >= FlushThreshold)
        {
            _output.Write(_buffer, 0, _filled);
            _filled = 0;
        }
    }
}
