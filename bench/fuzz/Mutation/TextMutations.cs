using System.Text;

namespace CrbnVariantCaller.Fuzz.Mutation;

/// <summary>
/// Mutations for line- and field-oriented text (GTF, BED, TSV, CSV, .fai): replace a field with a hostile token, drop or
/// duplicate fields and lines, swap lines, change separators, and byte-level damage underneath.
/// </summary>
public static class TextMutations
{
    public static byte[] Mutate(byte[] data, Random random)
    {
        if (random.Next(6) == 0)
        {
            return ByteMutations.Mutate(data, random);
        }

        List<string> lines = Encoding.UTF8.GetString(data).Split('\n').ToList();
        int count = 1 + random.Next(3);
        for (int k = 0; k < count; k++)
        {
            MutateOnce(lines, random);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static void MutateOnce(List<string> lines, Random random)
    {
        if (lines.Count == 0)
        {
            lines.Add(InterestingValues.PickToken(random));
            return;
        }

        int li = random.Next(lines.Count);
        string line = lines[li];
        char sep = line.Contains('\t') ? '\t' : line.Contains(',') ? ',' : line.Contains(' ') ? ' ' : '\t';
        string[] fields = line.Split(sep);
        int fi = random.Next(fields.Length);
        switch (random.Next(12))
        {
            case 0:
            case 1:
            case 2:
                fields[fi] = InterestingValues.PickToken(random);
                break;
            case 3:
                fields[fi] = NudgeNumber(fields[fi], random);
                break;
            case 4:
                fields = fields.Where((_, i) => i != fi).ToArray();
                break;
            case 5:
                fields = fields.Take(fi + 1).Append(fields[fi]).Concat(fields.Skip(fi + 1)).ToArray();
                break;
            case 6:
                lines.Insert(random.Next(lines.Count + 1), line);
                return;
            case 7:
                lines.RemoveAt(li);
                return;
            case 8:
            {
                int lj = random.Next(lines.Count);
                (lines[li], lines[lj]) = (lines[lj], lines[li]);
                return;
            }

            case 9:
                sep = random.Next(3) switch { 0 => ',', 1 => ' ', _ => '\t' };
                break;
            case 10:
                fields[fi] = fields[fi].Length > 0 ? fields[fi][..random.Next(fields[fi].Length)] : fields[fi];
                break;
            default:
                fields[fi] += InterestingValues.PickToken(random);
                break;
        }

        lines[li] = string.Join(sep, fields);
    }

    private static string NudgeNumber(string field, Random random)
    {
        if (long.TryParse(field, out long v))
        {
            return InterestingValues.Pick(random, v).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d))
        {
            return (random.Next(3) switch { 0 => -d, 1 => d * 1e300, _ => d + 0.5 }).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        return field + random.Next(10);
    }
}
