using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace CrbnVariantCaller.Compute.Ilgpu;

/// <summary>
/// Reads <c>[Start, End)</c> of a batch copied to one accelerator, their offsets rebased to the slice, ready to hand
/// to a kernel as <see cref="ReadViews"/>. Disposing frees the device memory.
/// </summary>
internal sealed class DeviceReadSlice : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public DeviceReadSlice(Accelerator accelerator, ReadBatch batch, int start, int end)
    {
        Batch = batch;
        Start = start;
        End = end;
        try
        {
            int n = end - start;
            int cig0 = batch.CigarOffsetArray[start], cig1 = batch.CigarOffsetArray[end];
            int seq0 = batch.SequenceOffsetArray[start], seq1 = batch.SequenceOffsetArray[end];
            int qual0 = batch.QualityOffsetArray[start], qual1 = batch.QualityOffsetArray[end];
            var refIds = Upload<int>(accelerator, batch.ReferenceIdArray.AsSpan(start, n));
            var starts = Upload<int>(accelerator, batch.StartArray.AsSpan(start, n));
            var flags = Upload<ushort>(accelerator, batch.FlagArray.AsSpan(start, n));
            var mapqs = Upload<byte>(accelerator, batch.MapqArray.AsSpan(start, n));
            var nh = Upload<int>(accelerator, batch.NumberOfHitsArray.AsSpan(start, n));
            var xs = Upload<byte>(accelerator, batch.SpliceStrandArray.AsSpan(start, n));
            var seqLens = Upload<int>(accelerator, batch.SequenceLengthArray.AsSpan(start, n));
            var cigOff = Upload<int>(accelerator, Rebased(batch.CigarOffsetArray, start, n + 1, cig0));
            var cigars = Upload<uint>(accelerator, batch.CigarArray.AsSpan(cig0, cig1 - cig0));
            var seqOff = Upload<int>(accelerator, Rebased(batch.SequenceOffsetArray, start, n + 1, seq0));
            var seqs = Upload<byte>(accelerator, batch.PackedBaseArray.AsSpan(seq0, seq1 - seq0));
            var qualOff = Upload<int>(accelerator, Rebased(batch.QualityOffsetArray, start, n + 1, qual0));
            Qualities = Upload<byte>(accelerator, batch.QualityArray.AsSpan(qual0, qual1 - qual0));
            QualityLength = qual1 - qual0;
            Views = new ReadViews(refIds, starts, flags, mapqs, nh, xs, seqLens, cigOff, cigars, seqOff, seqs, qualOff);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ReadBatch Batch { get; }

    public int Start { get; }

    public int End { get; }

    public int Count => End - Start;

    /// <summary>The slice as kernels see it.</summary>
    public ReadViews Views { get; }

    /// <summary>The slice's base qualities (the pileup's unless overlapping mates are tweaked).</summary>
    public ArrayView1D<byte, Stride1D.Dense> Qualities { get; }

    /// <summary>Bytes of <see cref="Qualities"/> that belong to the slice.</summary>
    public int QualityLength { get; }

    public void Dispose()
    {
        foreach (MemoryBuffer b in _buffers)
        {
            b.Dispose();
        }

        _buffers.Clear();
    }

    private ArrayView1D<T, Stride1D.Dense> Upload<T>(Accelerator accelerator, ReadOnlySpan<T> data)
        where T : unmanaged
    {
        MemoryBuffer1D<T, Stride1D.Dense> buffer = accelerator.Allocate1D<T>(Math.Max(1, data.Length));
        _buffers.Add(buffer);
        if (data.Length > 0)
        {
            buffer.View.SubView(0, data.Length).CopyFromCPU(accelerator.DefaultStream, data);
        }

        return buffer.View;
    }

    private static int[] Rebased(int[] offsets, int start, int count, int origin)
    {
        int[] rebased = new int[count];
        for (int i = 0; i < count; i++)
        {
            rebased[i] = offsets[start + i] - origin;
        }

        return rebased;
    }
}
