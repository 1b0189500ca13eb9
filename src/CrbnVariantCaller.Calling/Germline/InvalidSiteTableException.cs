using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>A germline site table is malformed; the message names the line and what is wrong with it.</summary>
public sealed class InvalidSiteTableException : InvalidInputFileException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The table as the user named it.</param>
    /// <param name="lineNumber">1-based line number; 0 for the file as a whole.</param>
    /// <param name="problem">What is wrong.</param>
    public InvalidSiteTableException(string filePath, int lineNumber, string problem)
        : base(filePath, lineNumber > 0 ? $"line {lineNumber}: {problem}" : problem)
    {
        LineNumber = lineNumber;
    }

    /// <summary>1-based line number of the fault; 0 for the file as a whole.</summary>
    public int LineNumber { get; }
}
