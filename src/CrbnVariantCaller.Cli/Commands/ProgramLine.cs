using System.Text;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// The <c>@PG</c> header line crbn adds to SAM it prints, as samtools adds its own: a unique <c>ID</c>
/// (<c>crbn</c>, then <c>crbn.1</c>, ...), <c>PP</c> chained to the last program in the header, and the command line.
/// Like htslib, the line goes right after the header's last <c>@PG</c> line, or at the end when it has none.
/// </summary>
public static class ProgramLine
{
    /// <summary>Returns <paramref name="samText"/> (newline-terminated header lines) with crbn's <c>@PG</c> line added.</summary>
    public static string InsertInto(string samText, string subcommand, IReadOnlyList<string> commandLineArgs)
    {
        string line = For(samText, subcommand, commandLineArgs);
        int lastPg = samText.LastIndexOf("\n@PG\t", StringComparison.Ordinal);
        int lineStart = lastPg >= 0 ? lastPg + 1 : samText.StartsWith("@PG\t", StringComparison.Ordinal) ? 0 : -1;
        if (lineStart < 0)
        {
            return samText + line;
        }

        int endOfLine = samText.IndexOf('\n', lineStart);
        int insertAt = endOfLine < 0 ? samText.Length : endOfLine + 1;
        return samText.Insert(insertAt, line);
    }

    /// <summary>Builds the line (with its newline) for a header whose text is <paramref name="headerText"/>.</summary>
    private static string For(string headerText, string subcommand, IReadOnlyList<string> commandLineArgs)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? last = null;
        foreach (string line in headerText.Split('\n'))
        {
            if (!line.StartsWith("@PG\t", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string field in line.Split('\t'))
            {
                if (field.StartsWith("ID:", StringComparison.Ordinal))
                {
                    ids.Add(field[3..]);
                    last = field[3..];
                }
            }
        }

        string id = "crbn";
        for (int i = 1; ids.Contains(id); i++)
        {
            id = $"crbn.{i}";
        }

        var sb = new StringBuilder("@PG\tID:").Append(id).Append("\tPN:crbn");
        if (last is not null)
        {
            sb.Append("\tPP:").Append(last);
        }

        sb.Append("\tVN:").Append(VersionAction.ToolVersion)
          .Append("\tCL:crbn ").Append(subcommand);
        foreach (string arg in commandLineArgs.Skip(1).SkipWhile(a => a != subcommand).Skip(1))
        {
            sb.Append(' ').Append(arg);
        }

        return sb.Append('\n').ToString();
    }
}
