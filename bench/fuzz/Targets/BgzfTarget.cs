using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>
/// The BGZF reader on its own: a multi-block file mutated at the compressed level, read through sequentially (one or
/// two inflate threads, seekable or not), then seeked to virtual offsets taken from the bytes.
/// </summary>
public sealed class BgzfTarget : IFuzzTarget
{
    private readonly byte[] _seed = BgzfMutations.Compress(Seeds.Read("seed.fa"), maxBlockData: 120);

    public string Name => "bgzf";

    public FuzzInput Mutate(Random random) => FuzzInput.Single("data.gz", BgzfMutations.MutateCompressed(_seed, random));

    public void Consume(FuzzInput input, FuzzWorkspace workspace)
    {
        byte[] bytes = input["data.gz"];
        int h = Hash(bytes);
        var options = new BgzfReaderOptions { Threads = h % 7 == 0 ? 2 : 1, AllowMissingEofMarker = (h & 8) != 0 };
        Stream stream = h % 5 == 0 ? new NonSeekableStream(bytes) : new MemoryStream(bytes);
        using var reader = new BgzfReader(stream, "data.gz", options);
        byte[] buffer = new byte[777];
        while (reader.Read(buffer) > 0)
        {
        }

        if (stream.CanSeek)
        {
            reader.Seek(new VirtualOffset(0, 0));
            for (ReadOnlySpan<byte> block = reader.PeekBlock(); !block.IsEmpty; block = reader.PeekBlock())
            {
                reader.Advance(block.Length);
            }

            reader.Seek(new VirtualOffset((uint)h % (uint)Math.Max(1, bytes.Length), (h >> 8) & 0x3FF));
            reader.Read(buffer);
        }
    }

    internal static int Hash(byte[] bytes)
    {
        uint h = 2166136261;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * 16777619;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
