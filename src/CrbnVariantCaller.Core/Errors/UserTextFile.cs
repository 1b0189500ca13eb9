namespace CrbnVariantCaller.Core.Errors;

/// <summary>Reads a small user-supplied text file whole, turning an I/O failure into an <see cref="InvalidInputFileException"/> that names the file.</summary>
public static class UserTextFile
{
    /// <summary>The file's text.</summary>
    /// <param name="path">The file, as the user named it.</param>
    /// <param name="what">What the file is, for the message ("the Δexon10 cohort").</param>
    /// <exception cref="InvalidInputFileException">The file cannot be read.</exception>
    public static string Read(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputFileException(path, $"cannot read {what} ({e.Message})", e);
        }
    }
}
