namespace CrbnVariantCaller.Core.Errors;

/// <summary>
/// A user-supplied file is malformed, truncated, inconsistent or missing something it needs.
/// Every reader throws a subclass of this so that the command line can name the file and exit with code 2.
/// </summary>
public class InvalidInputFileException : IOException
{
    /// <summary>The file at fault, as the user named it.</summary>
    public string FilePath { get; }

    public InvalidInputFileException(string filePath, string message, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
    }

    /// <summary>One line for a terminal: <c>path: problem</c>.</summary>
    public string ToUserMessage() => $"{FilePath}: {Message}";
}
