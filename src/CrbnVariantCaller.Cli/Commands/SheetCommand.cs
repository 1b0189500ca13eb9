using System.CommandLine;
using System.Text.Json;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Pipeline.Batch;
using CrbnVariantCaller.Reporting.Output;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn sheet --samples SHEET.csv</c>: the sample sheet validated exactly as <c>crbn batch</c> validates it (exit code 2
/// naming the line otherwise), printed as JSON for a workflow engine: per row its output stem, its input files and the
/// row's own <c>crbn call</c> options (its columns, mapped as <see cref="BatchRunner.ToCallRequest"/> maps them, so a
/// workflow calls each sample as the batch does), and whether any row is ranked against the batch (<see cref="BatchPercentiles.TakesPart"/>).
/// <c>workflow/Snakefile</c> reads this instead of parsing the sheet itself.
/// </summary>
public sealed class SheetCommand(CommandGuard guard)
{
    private readonly Option<string> _samples = new("--samples") { Description = "Sample sheet CSV (as crbn batch --samples).", Required = true };

    /// <summary>The System.CommandLine definition of <c>crbn sheet</c>.</summary>
    public Command Build()
    {
        Command command = new("sheet", "Validate a sample sheet as crbn batch does and print it as JSON (samples, output stems, inputs, crbn call options) for workflow engines.")
        {
            _samples,
        };
        command.SetAction((parse, ct) => guard.RunAsync("sheet", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        SampleSheet sheet = SampleSheetReader.Read(CallCommand.ExistingFile(parse.GetRequiredValue(_samples))!);
        BatchRunner.CheckOutputNamesAreDistinct(sheet);
        _ = BatchCommand.SheetExon10Cohorts(sheet);
        _ = BatchCommand.SheetFunctionalVariants(sheet);
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(json, sheet);
        }

        parse.InvocationConfiguration.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCodes.Success;
    }

    private static void Write(Utf8JsonWriter json, SampleSheet sheet)
    {
        json.WriteStartObject();
        json.WriteString("sheet", Path.GetFullPath(sheet.FilePath));
        json.WriteBoolean("batch_percentiles", sheet.Entries.Any(BatchPercentiles.TakesPart));
        json.WriteStartArray("samples");
        foreach (SampleSheetEntry entry in sheet.Entries)
        {
            json.WriteStartObject();
            json.WriteString("sample", entry.Sample);
            json.WriteString("stem", OutputNames.ForSample(entry.Sample).Stem);
            json.WriteNumber("line", entry.LineNumber);
            json.WriteBoolean("dna", entry.Dna is not null);
            json.WriteBoolean("batch_percentiles", BatchPercentiles.TakesPart(entry));
            json.WriteStartArray("inputs");
            foreach (string path in Inputs(entry))
            {
                json.WriteStringValue(path);
            }

            json.WriteEndArray();
            json.WriteStartArray("call");
            foreach (string argument in CallArguments(entry))
            {
                json.WriteStringValue(argument);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<string> Inputs(SampleSheetEntry entry) =>
        new[] { entry.Dna, entry.Normal, entry.Rna, entry.Expression, entry.Annotation, entry.Cohort, entry.Signature, entry.Exon10Cohort, entry.FunctionalVariants }
            .OfType<string>()
            .Select(Path.GetFullPath);

    /// <summary>The row's <c>crbn call</c> options; the batch-wide ones (reference, out, device, threads, PoN...) are the caller's.</summary>
    private static IEnumerable<string> CallArguments(SampleSheetEntry entry)
    {
        yield return "--sample";
        yield return entry.Sample;
        foreach ((string option, string? value) in new[]
        {
            ("--dna", entry.Dna), ("--normal", entry.Normal), ("--rna", entry.Rna), ("--expression", entry.Expression),
            ("--annotation", entry.Annotation), ("--cohort", entry.Cohort), ("--signature", entry.Signature),
            ("--exon10-cohort", entry.Exon10Cohort), ("--functional-variants", entry.FunctionalVariants),
        })
        {
            if (value is not null)
            {
                yield return option;
                yield return Path.GetFullPath(value);
            }
        }

        if (entry.Setting is not null)
        {
            yield return "--setting";
            yield return entry.Setting;
        }
    }
}
