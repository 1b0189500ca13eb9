using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.SampleSheet;

/// <summary>A sample sheet is malformed or inconsistent; the message names the line (<c>path: line N: problem</c>).</summary>
public sealed class SampleSheetFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception; the message becomes <c>line N: problem</c> (or just the problem when the line is 0).</summary>
    /// <param name="filePath">The sheet, as the user named it.</param>
    /// <param name="lineNumber">The 1-based line at fault, or 0 for the sheet as a whole.</param>
    /// <param name="problem">What is wrong, in words.</param>
    public SampleSheetFormatException(string filePath, long lineNumber, string problem)
        : base(filePath, lineNumber > 0 ? $"line {lineNumber}: {problem}" : problem)
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line at fault, or 0 for the sheet as a whole.</summary>
    public long LineNumber { get; }
}
