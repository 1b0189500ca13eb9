using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Calling.Signatures;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Expression;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.Assembly;
using CrbnVariantCaller.Pipeline.Inputs;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.Reporting.Vcf;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline;

/// <summary>The files written for one sample, and the report they hold.</summary>
public sealed record SampleOutcome(SampleReport Report, ReportFiles Files);

/// <summary>
/// <c>crbn call</c> for one sample: checks the inputs against the reference, runs the DNA and RNA analyses on the
/// selected compute backend, assembles the report (with its assessment) and writes every output file atomically.
/// </summary>
public sealed class SampleAnalyzer(BackendSelector backends, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<SampleAnalyzer>();

    /// <summary>Analyses one sample and writes its report files.</summary>
    /// <param name="request">Inputs and settings.</param>
    /// <param name="toolVersion">The crbn version recorded in the report.</param>
    /// <param name="commandLine">The command line recorded in the report.</param>
    public SampleOutcome Run(CallRequest request, string toolVersion, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DnaBam is null && request.RnaBam is null)
        {
            throw new ArgumentException("give --dna or --rna (or both)", nameof(request));
        }

        using IndexedFastaReader reference = IndexedFastaReader.Open(request.Reference);
        using BamReader? dna = request.DnaBam is null ? null : new BamReader(request.DnaBam, request.Threads);
        using BamReader? normal = request.NormalBam is null ? null : new BamReader(request.NormalBam, request.Threads);
        using BamReader? rna = request.RnaBam is null ? null : new BamReader(request.RnaBam, request.Threads);

        BamReader primary = dna ?? rna!;
        GenomeContext genome = GenomeContext.Resolve(primary, reference);
        GenomeContext? rnaGenome = rna is null ? null : rna == primary ? genome : GenomeContext.Resolve(rna, reference);
        GenomeContext? normalGenome = normal is null ? null : GenomeContext.Resolve(normal, reference);
        if (normal is not null && normalGenome!.Build != genome.Build)
        {
            throw new Core.Errors.InvalidInputFileException(normal.FilePath, $"the normal is {normalGenome.Build} but the tumour is {genome.Build}");
        }

        if (rna is not null && rnaGenome!.Build != genome.Build)
        {
            throw new Core.Errors.InvalidInputFileException(rna.FilePath, $"the RNA BAM is {rnaGenome.Build} but the DNA is {genome.Build}");
        }

        if (request.ExpressionTable is not null && rna is not null)
        {
            throw new ArgumentException("--expression is used only without --rna (the RNA BAM is quantified directly)", nameof(request));
        }

        string sample = SampleNames.Resolve(request.SampleId, primary);
        _logger.LogInformation("{Sample}: {Build} ({Summary})", sample, genome.Build, genome.Detection.Summary);

        GermlineSiteTable? sites = LoadGermlineSites(request, genome.Build, out string? sitesProblem);
        if (request.GermlineSites is not null && sites is not null)
        {
            CheckSitesAgainstReference(sites, request.GermlineSites, reference);
        }

        var notAssessable = new List<NotAssessableItem>();
        if (sitesProblem is not null)
        {
            notAssessable.Add(new NotAssessableItem("germline SNP typing", sitesProblem));
        }

        using ComputeEngine engine = backends.Select(new ComputeOptions { Device = request.Device });
        _logger.LogInformation("compute backend: {Backend} ({Device})", engine.Primary.Kind, engine.Primary.DeviceName);

        DnaFindings? dnaFindings = null;
        if (dna is not null)
        {
            _logger.LogInformation("[1/3] DNA: SNVs and indels in CRBN, germline sites");
            dnaFindings = new DnaAnalysis(engine, loggers.CreateLogger<DnaAnalysis>(), request.ChunkReads)
                .Run(dna, normal is null ? null : (normal, normalGenome!), genome, genome.CrbnReference(reference), sites);
        }

        CrbnCopyNumberCall? copyNumberCall = null;
        if (dna is not null && request.PanelOfNormals is not null)
        {
            _logger.LogInformation("DNA: CRBN copy number against the panel of normals {Pon}", request.PanelOfNormals);
            copyNumberCall = new CopyNumberAnalysis(engine, loggers.CreateLogger<CopyNumberAnalysis>(), request.ChunkReads)
                .Run(dna, genome, request.PanelOfNormals, CopyNumberOptions.Default with { Purity = request.Purity }, normal, reference);
        }

        RnaFindings? rnaFindings = null;
        if (rna is not null && rnaGenome is not null)
        {
            _logger.LogInformation("[2/3] RNA: strandedness, CRBN splicing, expression, expressed variants");
            IReadOnlyList<TranscriptModel> genes = request.Annotation is null
                ? BuiltInGeneModels.PanelGenes(rnaGenome.Build)
                : TranscriptModelBuilder.Load(request.Annotation);
            rnaFindings = new RnaAnalysis(engine, loggers.CreateLogger<RnaAnalysis>(), request.ChunkReads)
                .Run(rna, rnaGenome, rnaGenome.CrbnReference(reference), genes, request.RnaStrandedness, dna is null ? sites : null, request.Annotation ?? "built-in gene models");
        }

        _logger.LogInformation("[3/3] report");
        SampleReport report = Assemble(request, sample, genome, dnaFindings, rnaFindings, copyNumberCall, engine, toolVersion, commandLine, notAssessable);
        report = AssessmentBuilder.WithAssessment(ReferenceNaming.Apply(report, reference));

        var filters = SnvFilter.All.ToDictionary(f => f.Id, f => f.Description, StringComparer.Ordinal);
        filters["no_call"] = "Germline site not genotyped: depth below the minimum, or no usable reads";
        ReportFiles files = ReportWriter.WriteAll(
            report,
            new VcfContext(ReferenceNaming.Contigs(genome.Contigs, reference), request.Reference, filters),
            request.OutDir,
            new ReportWriteOptions { PlainVcf = request.PlainVcf });
        _logger.LogInformation("{Sample}: {Overall}; wrote {Json}", sample, report.Assessment.Overall, files.Json);
        return new SampleOutcome(report, files);
    }

    /// <summary>Places an assessable Δexon10 PSI in the lab's cohort, when one was given (<c>--exon10-cohort</c>).</summary>
    private static SplicingSection WithCohort(SplicingSection splicing, Exon10Cohort? cohort) =>
        cohort is not null && splicing.CrbnExon10Skipping is { Status: not SplicingStatus.NotAssessable, PsiSkipped: double psi } e10
            ? splicing with { CrbnExon10Skipping = e10 with { Cohort = cohort.Compare(psi, InterpretationRules.Default.Exon10HighPercentile) } }
            : splicing;

    private SampleReport Assemble(
        CallRequest request,
        string sample,
        GenomeContext genome,
        DnaFindings? dna,
        RnaFindings? rna,
        CrbnCopyNumberCall? copyNumberCall,
        ComputeEngine engine,
        string toolVersion,
        string? commandLine,
        List<NotAssessableItem> notAssessable)
    {
        var variants = new List<VariantReport>();
        var known = new List<KnownResidueObservation>();
        QcSummary qc = new();
        LimitOfDetection lod = new();
        const double targetVaf = 0.05;
        const string lodMethod = "smallest VAF whose alt-read count reaches the Bonferroni-corrected Poisson-binomial threshold with 95% power at the position's depth";

        if (dna is not null)
        {
            variants.AddRange(VariantMapping.Variants(dna.Calls, genome.Crbn, VariantSource.Dna));
            known.AddRange(VariantMapping.KnownResidues(dna.Calls, genome.Crbn.Contig, VariantSource.Dna));
            qc = VariantMapping.Qc(dna.Calls, VariantSource.Dna);
            lod = VariantMapping.LimitOfDetection(dna.Calls, genome.Crbn.Contig, targetVaf, lodMethod);
            notAssessable.AddRange(VariantMapping.NotAssessable(dna.Calls, "DNA"));
        }
        else
        {
            notAssessable.Add(new NotAssessableItem("CRBN point mutations in DNA", "no DNA BAM was given (--dna)"));
        }

        SplicingSection splicing = new();
        ExpressionSection expression = new();
        if (rna is not null)
        {
            // An expressed variant also called in the DNA is reported once, from the DNA; RNA-only variants are added
            // under the DNA's contig name (the RNA BAM may name chr3 differently).
            var inDna = variants.Select(v => (v.Pos, v.Ref, v.Alt)).ToHashSet();
            variants.AddRange(VariantMapping.Variants(rna.ExpressedVariants, genome.Crbn, VariantSource.Rna)
                .Where(v => v.IsPass && !inDna.Contains((v.Pos, v.Ref, v.Alt)))
                .Select(v => v with { Chrom = genome.Crbn.Contig }));
            if (dna is null)
            {
                known.AddRange(VariantMapping.KnownResidues(rna.ExpressedVariants, genome.Crbn.Contig, VariantSource.Rna));
                notAssessable.AddRange(VariantMapping.NotAssessable(rna.ExpressedVariants, "RNA"));
                qc = VariantMapping.Qc(rna.ExpressedVariants, VariantSource.Rna);
                lod = VariantMapping.LimitOfDetection(rna.ExpressedVariants, genome.Crbn.Contig, targetVaf, lodMethod);
            }

            splicing = WithCohort(RnaMapping.Splicing(rna.Splicing, rna.Strandedness), request.Exon10Cohort);
            if (rna.Splicing.SplicedReads == 0 && rna.Expression.Profile.Genes.Any(g => g.Counts is > 100))
            {
                notAssessable.Add(new NotAssessableItem(
                    "RNA BAM",
                    $"{Path.GetFileName(request.RnaBam)} has reads over the genes but not one spliced read over CRBN: is it DNA, or aligned without a splice-aware aligner?"));
            }

            if (rna.Splicing.Exon10.Status == SkippingStatus.NotAssessable)
            {
                notAssessable.Add(new NotAssessableItem("CRBN exon 10 skipping", rna.Splicing.Exon10.Reasoning));
            }

            ExpressionProfile profile = rna.Expression.Profile;
            (ReferenceCohort? cohort, string? cohortName) = LoadCohort(request, profile, notAssessable);
            IReadOnlyList<SignatureScore> signatures = LoadSignatureScores(request, profile, notAssessable);
            expression = RnaMapping.Expression(profile, (long)rna.Expression.LibrarySize, cohort, cohortName, signatures);
        }
        else
        {
            notAssessable.Add(new NotAssessableItem("CRBN exon 10 skipping", "no RNA BAM was given (--rna)"));
            if (request.ExpressionTable is not null)
            {
                ExpressionProfile profile = ImportExpression(request.ExpressionTable, sample, genome.Build);
                if (profile.Genes.Count == 0)
                {
                    notAssessable.Add(new NotAssessableItem(
                        "expression biomarkers",
                        $"none of the biomarker genes was found in {Path.GetFileName(request.ExpressionTable)}; rows must be named by gene symbol, Ensembl gene ID or GENCODE transcript name"));
                }

                (ReferenceCohort? cohort, string? cohortName) = LoadCohort(request, profile, notAssessable);
                expression = RnaMapping.Expression(profile, null, cohort, cohortName, LoadSignatureScores(request, profile, notAssessable));
            }
            else
            {
                notAssessable.Add(new NotAssessableItem("expression biomarkers", "neither an RNA BAM (--rna) nor an expression table (--expression) was given"));
            }
        }

        GermlineSection germline = new();
        GermlineTypingResult? typed = dna?.Germline ?? rna?.Germline;
        if (typed is not null)
        {
            germline = RnaMapping.Germline(typed, dna?.Germline is not null ? VariantSource.Dna : VariantSource.Rna);
            var inHeader = new List<GermlineSnp>();
            foreach (GermlineSnp snp in germline.Snps)
            {
                if (genome.FindContig(snp.Chrom) is { } contig)
                {
                    inHeader.Add(snp with { Chrom = contig });
                }
                else
                {
                    notAssessable.Add(new NotAssessableItem($"germline SNP {snp.Id}", $"{snp.Chrom} is not in the BAM header"));
                }
            }

            germline = new GermlineSection { Snps = inHeader };
        }

        CopyNumberSection copyNumberSection = copyNumberCall is not null
            ? CopyNumberAnalysis.ToSection(copyNumberCall)
            : new CopyNumberSection { Crbn = new CrbnCopyNumber
            {
                Call = CopyNumberState.NotAssessable,
                Method = "none",
                Reasoning = dna is null
                    ? "copy number is measured from DNA read depth; no DNA BAM was given (--dna)"
                    : "copy-number calling needs a panel of normals (--pon; build one with 'crbn pon')",
            } };
        CrbnCopyNumber copyNumber = copyNumberSection.Crbn;
        if (copyNumber.Call == CopyNumberState.NotAssessable)
        {
            notAssessable.Add(new NotAssessableItem("CRBN copy number", copyNumber.Reasoning ?? "not assessable"));
        }

        var inputs = new List<InputFile>();
        AddInput(inputs, "dna", request.DnaBam);
        AddInput(inputs, "normal", request.NormalBam);
        AddInput(inputs, "rna", request.RnaBam);
        AddInput(inputs, "expression", request.ExpressionTable);
        AddInput(inputs, "cohort", request.Cohort);
        AddInput(inputs, "signature", request.Signature);
        AddInput(inputs, "annotation", request.Annotation);
        AddInput(inputs, "panel_of_normals", request.PanelOfNormals);
        AddInput(inputs, "germline_sites", request.GermlineSites);

        return new SampleReport
        {
            Sample = sample,
            Setting = request.Setting,
            LabFunctionalVariants = request.FunctionalVariants,
            GenomeBuild = genome.Build,
            Tool = new ToolInfo
            {
                Version = toolVersion,
                Backend = BackendKindNames.ReportName(engine.Primary.Kind),
                Device = engine.Primary.DeviceName,
                Fallbacks = engine.FallbackEvents
                    .Select(f => new Reporting.Model.FallbackEvent(f.Kernel, $"{BackendKindNames.ReportName(f.From)} ({f.Device})", "cpu", f.Reason))
                    .ToArray(),
                CommandLine = commandLine,
            },
            Inputs = new InputsInfo { Files = inputs, Reference = new InputFile("reference", request.Reference) },
            Variants = variants,
            KnownResidues = known,
            Qc = qc,
            LimitOfDetection = lod,
            CopyNumber = copyNumberSection,
            Splicing = splicing,
            Expression = expression,
            Germline = germline,
            NotAssessable = notAssessable,
        };
    }


    private static void AddInput(List<InputFile> inputs, string role, string? path)
    {
        if (path is not null)
        {
            inputs.Add(new InputFile(role, path) { SizeBytes = new FileInfo(path).Length });
        }
    }

    private static GermlineSiteTable? LoadGermlineSites(CallRequest request, GenomeBuild build, out string? problem)
    {
        problem = null;
        if (request.GermlineSites is null)
        {
            return GermlineSiteTable.BuiltInFor(build, out problem);
        }

        using var text = new StreamReader(request.GermlineSites);
        return GermlineSiteTableReader.Read(text, request.GermlineSites, build);
    }

    /// <summary>
    /// The sample's column of an imported table (salmon, featureCounts, RSEM or a matrix): the only sample, or the one
    /// named like this sample.
    /// </summary>
    private static ExpressionProfile ImportExpression(string path, string sample, GenomeBuild build)
    {
        ExpressionTable table = ExpressionTableReader.Read(path);
        ExpressionSample column = table.Samples.Count == 1
            ? table.Samples[0]
            : table.Samples.FirstOrDefault(s => string.Equals(s.Name, sample, StringComparison.Ordinal))
              ?? throw new ExpressionTableFormatException(
                  path,
                  0,
                  $"the table has {table.Samples.Count} samples ({string.Join(", ", table.Samples.Select(s => s.Name).Take(5))}...) and none is named {sample}; pass --sample");
        // TPM and library size come from the whole table, so that the biomarkers are normalised against every gene the
        // user quantified, not against each other. Transcript-level rows of one gene (salmon on GENCODE) are summed.
        var rows = column.Records.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        double librarySize = rows.Sum(r => r.Counts ?? 0);
        ExpressionProfile whole = ExpressionProfile.FromImported(
            rows.Select(r => (r.Id, r.Counts, r.Tpm, r.EffectiveLength ?? r.Length)),
            $"{table.Format} table {Path.GetFileName(path)}",
            librarySize);
        var panel = new Dictionary<string, (double? Counts, double? Tpm, double? Length)>(StringComparer.OrdinalIgnoreCase);
        foreach (ExpressionRecord r in rows)
        {
            IReadOnlyDictionary<string, ExpressionRecord> match = new ExpressionSample(column.Name, [r]).BySymbol(BuiltInGeneModels.PanelGenes(build));
            foreach (string symbol in match.Keys)
            {
                Calling.Expression.GeneExpression? g = whole[r.Id];
                panel[symbol] = panel.TryGetValue(symbol, out var sum)
                    ? ((sum.Counts ?? 0) + (g?.Counts ?? 0), (sum.Tpm ?? 0) + (g?.Tpm ?? 0), sum.Length)
                    : (g?.Counts, g?.Tpm, g?.Length);
            }
        }

        return ExpressionProfile.FromImported(
            panel.Select(kv => (kv.Key, kv.Value.Counts, kv.Value.Tpm, kv.Value.Length)),
            $"{table.Format} table {Path.GetFileName(path)}",
            librarySize);
    }

    /// <summary>A user's site table must agree with the reference: each site inside its contig, with the reference's base as REF.</summary>
    private static void CheckSitesAgainstReference(GermlineSiteTable sites, string sitesPath, IndexedFastaReader reference)
    {
        foreach (GermlineSite site in sites.Sites)
        {
            if (!reference.TryResolveContig(site.Contig, out string? contig))
            {
                continue; // reported as not assessable when the BAM lacks the contig too
            }

            long length = reference.ContigLength(contig);
            if (site.Position.Value > length)
            {
                throw new Core.Errors.InvalidInputFileException(
                    sitesPath, $"site {site.Id} at {site.Contig}:{site.Position} is beyond the end of {contig} ({length:N0} bp in {Path.GetFileName(reference.FilePath)})");
            }

            char refBase = char.ToUpperInvariant((char)reference.Fetch(new Core.Coordinates.GenomicInterval(contig, site.Position, site.Position))[0]);
            if (refBase != char.ToUpperInvariant(site.Reference))
            {
                throw new Core.Errors.InvalidInputFileException(
                    sitesPath, $"site {site.Id} at {site.Contig}:{site.Position} has REF {site.Reference} but the reference has {refBase} there ({Path.GetFileName(reference.FilePath)}); is the table for another build?");
            }
        }
    }

    /// <summary>
    /// The reference cohort for percentiles, when one is given and its TPMs are on the same basis as the sample's
    /// (a cohort quantified over the 12 panel genes cannot rank a whole-transcriptome TPM, and vice versa).
    /// </summary>
    private static (ReferenceCohort? Cohort, string? Name) LoadCohort(CallRequest request, ExpressionProfile profile, List<NotAssessableItem> notAssessable)
    {
        if (request.Cohort is null)
        {
            notAssessable.Add(new NotAssessableItem(
                "expression percentiles",
                "no reference cohort was given (--cohort; build one with 'crbn cohort build'); absolute cut-offs from papers are never used"));
            return (null, null);
        }

        ReferenceCohortTable table = ReferenceCohortTsv.Read(request.Cohort);
        if (!string.Equals(table.TpmBasis, profile.TpmBasis, StringComparison.Ordinal))
        {
            notAssessable.Add(new NotAssessableItem(
                "expression percentiles",
                $"the cohort's TPMs ({table.TpmBasis}) are not on the same basis as this sample's ({profile.TpmBasis}), so they cannot be ranked together"));
            return (null, null);
        }

        return (new ReferenceCohort(table.SampleIds, table.TpmByGene, table.TpmBasis), Path.GetFileName(request.Cohort));
    }

    private static IReadOnlyList<SignatureScore> LoadSignatureScores(CallRequest request, ExpressionProfile profile, List<NotAssessableItem> notAssessable)
    {
        if (request.Signature is null)
        {
            return [];
        }

        SignatureGeneSetFile file = SignatureGeneSetFile.Read(request.Signature);
        var signature = new GeneSignature(
            file.Name,
            file.Entries.Select(e => new SignatureGene(e.Gene, e.Adverse ? SignatureDirection.Adverse : SignatureDirection.Favourable, e.Weight)));
        IReadOnlyList<SignatureScore> scores = RnaMapping.Signatures(signature, profile);
        if (scores.All(x => x.Score is null))
        {
            notAssessable.Add(new NotAssessableItem(
                $"signature {signature.Name}",
                $"none of its genes has an expression value here ({string.Join(", ", signature.Genes.Take(6).Select(g => g.Symbol))}{(signature.Genes.Count > 6 ? ", ..." : string.Empty)}); an RNA BAM is quantified only for the built-in panel genes, so score larger signatures from a whole-transcriptome table (--expression)"));
        }

        return scores;
    }
}
