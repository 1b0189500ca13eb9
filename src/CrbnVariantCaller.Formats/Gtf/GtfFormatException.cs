using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>A GTF or GFF3 file is malformed; the message names the line.</summary>
public sealed class GtfFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception; the message becomes <c>line N: problem</c>.</summary>
    public GtfFormatException(string filePath, long lineNumber, string problem)
        : base(filePath, $"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line at fault.</summary>
    public long LineNumber { get; }
}
