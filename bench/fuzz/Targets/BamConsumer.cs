using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Pipeline.Ingest;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>Reads a BAM the ways crbn does: every field of every record, SAM text as <c>crbn view</c> prints it, the read batch the pipeline builds, and a record count.</summary>
internal static class BamConsumer
{
    private const int MaxRecords = 10_000;

    public static void ReadAll(byte[] bam, string name)
    {
        using (var reader = new BamReader(new BgzfReader(new MemoryStream(bam), name)))
        {
            var formatter = new SamTextFormatter(reader.Header);
            var record = new BamRecord();
            for (int n = 0; n < MaxRecords && reader.ReadRecord(record); n++)
            {
                Touch(record, formatter);
            }
        }

        using (var reader = new BamReader(new BgzfReader(new MemoryStream(bam), name)))
        {
            BamBatchLoader.LoadAll(reader);
        }

        using (var reader = new BamReader(new BgzfReader(new MemoryStream(bam), name)))
        {
            reader.CountRecords();
        }
    }

    public static void Touch(BamRecord record, SamTextFormatter formatter)
    {
        formatter.FormatLine(record);
        _ = record.GetReadName();
        _ = record.GetSequence();
        _ = record.ReferenceEndZeroBasedExclusive;
        _ = record.HasQualities;
        _ = record.Qualities.Length;
        foreach (uint word in record.CigarWords)
        {
            _ = Cigar.Op(word);
        }

        foreach (BamAuxField f in record.EnumerateAux())
        {
            switch ((char)f.Type)
            {
                case 'Z' or 'H':
                    _ = f.GetString();
                    break;
                case 'A':
                    _ = f.GetChar();
                    break;
                case 'f':
                    _ = f.GetSingle();
                    break;
                case 'd':
                    _ = f.GetDouble();
                    break;
                case 'B':
                    for (int i = 0; i < f.ArrayLength; i++)
                    {
                        _ = f.ArraySubtype == (byte)'f' ? f.GetArraySingle(i) : f.GetArrayInteger(i);
                    }

                    break;
                default:
                    _ = f.GetInteger();
                    break;
            }
        }
    }
}
