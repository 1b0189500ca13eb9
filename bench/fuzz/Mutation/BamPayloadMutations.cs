using System.Buffers.Binary;
using System.Text;

namespace CrbnVariantCaller.Fuzz.Mutation;

/// <summary>
/// Mutates the decompressed BAM stream where the parser decides things: the header (l_text, the text itself, n_ref,
/// l_name, l_ref), and in each record block_size, refID, pos, l_read_name, bin, n_cigar_op, flag, l_seq, the CIGAR
/// words, aux type codes, B-array subtypes and counts; plus whole-record drops, duplicates and cuts. The result is
/// recompressed with valid CRCs (<see cref="BgzfMutations.Compress"/>) so the BAM parser, not the CRC check, sees it.
/// </summary>
public sealed class BamPayloadMutations
{
    private readonly byte[] _payload;
    private readonly List<Field> _fields = [];
    private readonly List<(int Offset, int Length)> _records = [];
    private readonly (int Offset, int Length) _headerText;

    /// <param name="payload">A valid, decompressed BAM stream (the seed).</param>
    public BamPayloadMutations(byte[] payload)
    {
        _payload = payload;
        int p = 4;
        _fields.Add(new Field("l_text", p, 4));
        int lText = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(p));
        _headerText = (p + 4, lText);
        p += 4 + lText;
        _fields.Add(new Field("n_ref", p, 4));
        int nRef = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(p));
        p += 4;
        for (int i = 0; i < nRef; i++)
        {
            _fields.Add(new Field("l_name", p, 4));
            int lName = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(p));
            p += 4 + lName;
            _fields.Add(new Field("l_ref", p, 4));
            p += 4;
        }

        while (p + 4 <= payload.Length)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(p));
            _records.Add((p, size + 4));
            AddRecordFields(p, size);
            p += 4 + size;
        }
    }

    /// <summary>Named field positions found in the seed (for the closing note's list of what is mutated).</summary>
    public IEnumerable<string> FieldNames => _fields.Select(f => f.Name).Distinct();

    /// <summary>A mutated payload: 1–3 field mutations, sometimes a structural change, sometimes blind bytes.</summary>
    public byte[] Mutate(Random random)
    {
        byte[] data = (byte[])_payload.Clone();
        int count = 1 + random.Next(3);
        for (int k = 0; k < count; k++)
        {
            Field f = _fields[random.Next(_fields.Count)];
            if (f.Name == "aux_type" || f.Name == "b_subtype")
            {
                const string Types = "AcCsSiIfdZHBxa\0";
                data[f.Offset] = (byte)Types[random.Next(Types.Length)];
            }
            else
            {
                ByteMutations.SetField(data, f.Offset, f.Width, random);
            }
        }

        return random.Next(4) switch
        {
            0 => Structural(data, random),
            1 when random.Next(3) == 0 => ByteMutations.Mutate(data, random),
            _ => data,
        };
    }

    private byte[] Structural(byte[] data, Random random)
    {
        (int off, int len) = _records[random.Next(_records.Count)];
        switch (random.Next(6))
        {
            case 0:
                return [.. data.AsSpan(0, off), .. data.AsSpan(off + len)];
            case 1:
                return [.. data.AsSpan(0, off + len), .. data.AsSpan(off, len), .. data.AsSpan(off + len)];
            case 2:
                return data[..(off + random.Next(len))];
            case 3:
            {
                // Header text: a hostile line inserted, l_text adjusted or not.
                string line = random.Next(3) switch
                {
                    0 => "no at-sign line\n",
                    1 => "@SQ\tSN:" + InterestingValues.PickToken(random) + "\tLN:" + InterestingValues.PickToken(random) + "\n",
                    _ => "@RG\tID:x\tSM:" + InterestingValues.PickToken(random) + "\n",
                };
                byte[] insert = Encoding.UTF8.GetBytes(line);
                int at = _headerText.Offset + random.Next(_headerText.Length + 1);
                byte[] result = [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at)];
                if (random.Next(2) == 0)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4), _headerText.Length + insert.Length);
                }

                return result;
            }

            case 4:
                // The header text without its final NUL or newline, or with an embedded NUL.
                data[_headerText.Offset + random.Next(Math.Max(1, _headerText.Length))] = random.Next(2) == 0 ? (byte)0 : (byte)'\n';
                return data;
            default:
            {
                // A record grown or shrunk by a few bytes with block_size kept consistent.
                int delta = random.Next(-8, 9);
                int newSize = len - 4 + delta;
                if (newSize < 0)
                {
                    return data;
                }

                byte[] record = new byte[newSize + 4];
                data.AsSpan(off + 4, Math.Min(len - 4, newSize)).CopyTo(record.AsSpan(4));
                BinaryPrimitives.WriteInt32LittleEndian(record, newSize);
                return [.. data.AsSpan(0, off), .. record, .. data.AsSpan(off + len)];
            }
        }
    }

    private void AddRecordFields(int p, int size)
    {
        _fields.Add(new Field("block_size", p, 4));
        int r = p + 4;
        _fields.Add(new Field("refID", r, 4));
        _fields.Add(new Field("pos", r + 4, 4));
        _fields.Add(new Field("l_read_name", r + 8, 1));
        _fields.Add(new Field("bin", r + 10, 2));
        _fields.Add(new Field("n_cigar_op", r + 12, 2));
        _fields.Add(new Field("flag", r + 14, 2));
        _fields.Add(new Field("l_seq", r + 16, 4));
        _fields.Add(new Field("next_refID", r + 20, 4));
        _fields.Add(new Field("next_pos", r + 24, 4));
        int lName = _payload[r + 8];
        int nCigar = BinaryPrimitives.ReadUInt16LittleEndian(_payload.AsSpan(r + 12));
        int lSeq = BinaryPrimitives.ReadInt32LittleEndian(_payload.AsSpan(r + 16));
        int c = r + 32 + lName;
        for (int i = 0; i < nCigar; i++)
        {
            _fields.Add(new Field("cigar_op", c + (4 * i), 4));
        }

        int aux = c + (4 * nCigar) + ((lSeq + 1) / 2) + lSeq;
        int end = r + size;
        while (aux + 3 <= end)
        {
            _fields.Add(new Field("aux_type", aux + 2, 1));
            byte type = _payload[aux + 2];
            int v = aux + 3;
            switch ((char)type)
            {
                case 'A' or 'c' or 'C':
                    aux = v + 1;
                    break;
                case 's' or 'S':
                    aux = v + 2;
                    break;
                case 'i' or 'I' or 'f':
                    aux = v + 4;
                    break;
                case 'Z' or 'H':
                    aux = Array.IndexOf(_payload, (byte)0, v) + 1;
                    break;
                case 'B':
                    _fields.Add(new Field("b_subtype", v, 1));
                    _fields.Add(new Field("b_count", v + 1, 4));
                    int n = BinaryPrimitives.ReadInt32LittleEndian(_payload.AsSpan(v + 1));
                    int w = (char)_payload[v] switch { 'c' or 'C' => 1, 's' or 'S' => 2, _ => 4 };
                    aux = v + 5 + (n * w);
                    break;
                default:
                    return;
            }
        }
    }

    private readonly record struct Field(string Name, int Offset, int Width);
}
