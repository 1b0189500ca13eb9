using System.IO.Compression;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>Builds small BAM files in a temporary folder from SAM text with samtools, and edits their raw bytes.</summary>
internal sealed class TinyBam : IDisposable
{
    public TinyBam()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("crbn-bamtest-").FullName;
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="samText"/> and converts it to <paramref name="name"/> with samtools.</summary>
    public string FromSam(string name, string samText)
    {
        string sam = PathOf(name + ".sam");
        File.WriteAllText(sam, samText);
        string bam = PathOf(name);
        ExternalTool.Run("samtools", "view", "--no-PG", "-b", "-o", bam, sam);
        return bam;
    }

    /// <summary>Copies a file into the folder.</summary>
    public string Copy(string source, string name)
    {
        string dest = PathOf(name);
        File.Copy(source, dest, overwrite: true);
        return dest;
    }

    /// <summary>The decompressed BAM stream (a BGZF file is valid multi-member gzip).</summary>
    public static byte[] Decompress(string bgzfPath)
    {
        using var gz = new GZipStream(File.OpenRead(bgzfPath), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>BGZF-compresses raw bytes with bgzip into <paramref name="name"/> (with an end-of-file marker).</summary>
    public string Bgzip(byte[] raw, string name)
    {
        string rawPath = PathOf(name + ".raw");
        File.WriteAllBytes(rawPath, raw);
        ExternalTool.Run("bgzip", "-f", rawPath);
        string dest = PathOf(name);
        File.Move(rawPath + ".gz", dest, overwrite: true);
        return dest;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
