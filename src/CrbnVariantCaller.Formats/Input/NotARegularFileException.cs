using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Input;

/// <summary>An input path names a directory, a FIFO, a device or a socket instead of a regular file.</summary>
public sealed class NotARegularFileException(string path, string problem) : InvalidInputFileException(path, problem);
