using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bed;

/// <summary>A BED file is malformed; the message names the line.</summary>
public sealed class BedFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception; the message becomes <c>line N: problem</c> (or just the problem when the line is 0).</summary>
    public BedFormatException(string filePath, long lineNumber, string problem)
        : base(filePath, lineNumber > 0 ? $"line {lineNumber}: {problem}" : problem)
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line at fault, or 0 for the file as a whole.</summary>
    public long LineNumber { get; }
}
