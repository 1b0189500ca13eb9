using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Output;

/// <summary>Another crbn run is writing into the same output folder.</summary>
public sealed class OutputFolderBusyException(string folder)
    : InvalidInputFileException(folder, "another crbn run is writing into this output folder (it holds the folder's lock); wait for it to finish or choose another --out");
