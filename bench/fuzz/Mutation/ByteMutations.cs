namespace CrbnVariantCaller.Fuzz.Mutation;

/// <summary>Structure-blind byte mutations: bit flips, byte and word overwrites, inserts, deletes, duplicated ranges, truncation.</summary>
public static class ByteMutations
{
    /// <summary>Applies 1–4 random mutations to a copy of <paramref name="data"/>.</summary>
    public static byte[] Mutate(byte[] data, Random random)
    {
        var buffer = new List<byte>(data);
        int count = 1 + random.Next(4);
        for (int k = 0; k < count; k++)
        {
            MutateOnce(buffer, random);
        }

        return buffer.ToArray();
    }

    public static void MutateOnce(List<byte> b, Random random)
    {
        if (b.Count == 0)
        {
            b.Add((byte)random.Next(256));
            return;
        }

        int at = random.Next(b.Count);
        switch (random.Next(9))
        {
            case 0:
                b[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                b[at] = (byte)random.Next(256);
                break;
            case 2:
            {
                // An interesting little-endian integer of width 1, 2, 4 or 8 over the bytes at `at`.
                int width = 1 << random.Next(4);
                if (at + width <= b.Count)
                {
                    Span<byte> w = stackalloc byte[8];
                    for (int i = 0; i < width; i++)
                    {
                        w[i] = b[at + i];
                    }

                    InterestingValues.Write(w, width, InterestingValues.Pick(random, InterestingValues.Read(w, width)));
                    for (int i = 0; i < width; i++)
                    {
                        b[at + i] = w[i];
                    }
                }

                break;
            }

            case 3:
                b.InsertRange(at, Enumerable.Range(0, 1 + random.Next(16)).Select(_ => (byte)random.Next(256)));
                break;
            case 4:
                b.RemoveRange(at, Math.Min(b.Count - at, 1 + random.Next(32)));
                break;
            case 5:
            {
                int len = Math.Min(b.Count - at, 1 + random.Next(64));
                byte[] copy = b.GetRange(at, len).ToArray();
                b.InsertRange(random.Next(b.Count + 1), copy);
                break;
            }

            case 6:
                b.RemoveRange(at, b.Count - at);
                break;
            case 7:
                b[at] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                break;
            default:
            {
                int len = Math.Min(b.Count - at, 1 + random.Next(8));
                for (int i = 0; i < len; i++)
                {
                    b[at + i] = (byte)random.Next(256);
                }

                break;
            }
        }
    }

    /// <summary>Overwrites a little-endian integer field at <paramref name="offset"/> with an interesting value.</summary>
    public static void SetField(byte[] data, int offset, int width, Random random)
    {
        if (offset < 0 || offset + width > data.Length)
        {
            return;
        }

        long v = InterestingValues.Read(data.AsSpan(offset, width), width);
        InterestingValues.Write(data.AsSpan(offset, width), width, InterestingValues.Pick(random, v));
    }
}
