using System.Buffers.Binary;
using System.Numerics;

namespace CrbnVariantCaller.Counts.Batches;

/// <summary>
/// Interns read names (QNAME bytes) into dense ids, 0, 1, 2, … in first-seen order, without allocating per name:
/// the bytes go into one arena and an open-addressing table (linear probing, at most half full) maps them to ids.
/// Equal bytes give equal ids, which is how the kernels find mates.
/// </summary>
internal sealed class ReadNameTable
{
    // Arena entry: int32 id, int32 length, then the name bytes; a look-up that hits touches one slot and one entry.
    private const int EntryHeader = 8;

    // Recently added names, direct-mapped by hash (same slot format): in a coordinate-sorted BAM a mate usually follows
    // within a few thousand records, so most repeat look-ups are answered here, in cache, without touching the big table.
    private const int RecentBits = 15;

    // Slot: high 32 bits the name's hash, low 32 bits the entry's arena offset + 1; 0 is an empty slot.
    private readonly ulong[] _recent = new ulong[1 << RecentBits];
    private ulong[] _slots;
    private int _mask;
    private byte[] _arena;
    private int _arenaLength;
    private int _count;

    /// <summary>Creates a table sized for about <paramref name="expectedNames"/> names.</summary>
    public ReadNameTable(int expectedNames)
    {
        int capacity = Math.Max(16, expectedNames);
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
        _slots = new ulong[slots];
        _mask = slots - 1;
        _arena = GC.AllocateUninitializedArray<byte>(capacity * 40);
    }

    /// <summary>The number of distinct names.</summary>
    public int Count => _count;

    /// <summary>The id of <paramref name="name"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> name)
    {
        uint hash = Hash(name);
        ulong recent = _recent[hash >> (32 - RecentBits)];
        if (recent != 0 && (uint)(recent >> 32) == hash && TryMatch(name, (int)(uint)recent - 1, out int recentId))
        {
            return recentId;
        }

        int slot = (int)(hash & (uint)_mask);
        while (true)
        {
            ulong entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if ((uint)(entry >> 32) == hash)
            {
                if (TryMatch(name, (int)(uint)entry - 1, out int id))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }

        return Add(name, hash, slot);
    }

    private bool TryMatch(ReadOnlySpan<byte> name, int at, out int id)
    {
        ReadOnlySpan<byte> stored = _arena.AsSpan(at);
        int length = BinaryPrimitives.ReadInt32LittleEndian(stored[4..]);
        id = BinaryPrimitives.ReadInt32LittleEndian(stored);
        return length == name.Length && name.SequenceEqual(stored.Slice(EntryHeader, length));
    }

    private int Add(ReadOnlySpan<byte> name, uint hash, int slot)
    {
        int id = _count;
        long needed = (long)_arenaLength + EntryHeader + name.Length;
        if (needed > _arena.Length)
        {
            long size = Math.Max(needed, (long)_arena.Length * 2);
            if (needed > Array.MaxLength - 1)
            {
                throw new InvalidOperationException("the read names of one batch exceed 2 GB; split the input into smaller batches");
            }

            Array.Resize(ref _arena, (int)Math.Min(size, Array.MaxLength - 1));
        }

        Span<byte> entry = _arena.AsSpan(_arenaLength);
        BinaryPrimitives.WriteInt32LittleEndian(entry, id);
        BinaryPrimitives.WriteInt32LittleEndian(entry[4..], name.Length);
        name.CopyTo(entry[EntryHeader..]);
        _slots[slot] = ((ulong)hash << 32) | (uint)(_arenaLength + 1);
        _recent[hash >> (32 - RecentBits)] = _slots[slot];
        _arenaLength = (int)needed;
        _count++;

        if ((long)_count * 2 > _slots.Length)
        {
            Rehash();
        }

        return id;
    }
    private void Rehash()
    {
        ulong[] old = _slots;
        _slots = new ulong[checked(old.Length * 2)];
        _mask = _slots.Length - 1;
        foreach (ulong entry in old)
        {
            if (entry == 0)
            {
                continue;
            }

            int slot = (int)((uint)(entry >> 32) & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = entry;
        }
    }

    // A multiply–xorshift hash over 8-byte words (read names are short ASCII; only speed and spread matter here).
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)s.Length;
        int i = 0;
        for (; i + 8 <= s.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(s[i..])) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 32;
        }

        ulong tail = 0;
        for (int shift = 0; i < s.Length; i++, shift += 8)
        {
            tail |= (ulong)s[i] << shift;
        }

        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 29;
        h *= 0xFF51AFD7ED558CCDUL;
        return (uint)(h >> 32);
    }
}
