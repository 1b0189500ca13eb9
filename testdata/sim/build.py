"""Builds the whole SYNTHETIC CRBN test world into OUT (default: testdata/). Usage: python3 -m sim.build OUT WORK"""
from __future__ import annotations

import os
import subprocess
import sys
import time

from .dna import Component, DnaDesign, align_dna, simulate_reads
from .genome import CRBN, CRBN_EXON10, CRBN_SKIP_JUNCTION, PGX_SNPS, read_protein
from .panel import (CN_HOMDEL_E9_11_SEGMENT, CN_LOSS_SEGMENT, all_targets, crbn_targets, pgx_targets)
from .reference import ReferenceBuilder
from .truth import fragments_by_haplotype, site_region, write_json, write_vcf
from .variants import CrbnDesigner, GenomeSeq, Haplotype, Variant, segment_deletion

REF_REL = "reference/crbn_world.GRCh38.fa.gz"

#: Manifest roles; crbn demo uses demo_dna + demo_rna.
ROLES = {"DEEP_TUMOR": "demo_dna", "RNA_PSI020": "demo_rna", "DEEP_NORMAL": "matched_normal",
         "TN60_NORMAL": "matched_normal", "TN60_TUMOR": "tumor", "WGS_NEG": "negative_control",
         "LONG_BASELINE": "baseline", "LONG_RELAPSE": "relapse", "NOCHANGE_A": "baseline", "NOCHANGE_B": "relapse",
         "LONG_BASELINE_RNA": "baseline", "LONG_RELAPSE_RNA": "relapse",
         "PON_N1": "panel_of_normals", "PON_N2": "panel_of_normals", "PON_N3": "panel_of_normals",
         "PON_N4": "panel_of_normals", "CNH_N1": "panel_of_normals", "CNH_N2": "panel_of_normals",
         "CNH_N3": "panel_of_normals", "CNH_N4": "panel_of_normals", "CNH_N5_NOISY": "panel_of_normals"}


class World:
    """Shared state: reference, designer, work folders, manifest rows."""

    def __init__(self, out: str, work: str) -> None:
        self.out, self.work = os.path.abspath(out), os.path.abspath(work)
        self.manifest: list[tuple[str, ...]] = []
        self.index_dir = os.path.join(self.work, "index")

    def path(self, rel: str) -> str:
        p = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def add(self, scenario: str, kind: str, files: str, purpose: str) -> None:
        """One manifest row per sample: every BAM in files gets its truth VCF (if any) and the scenario JSON."""
        for f in files.split(";"):
            stem = f.rsplit("/", 1)
            sample = stem[1].split(".")[0] if len(stem) == 2 else f
            folder = stem[0] if len(stem) == 2 else ""
            vcf = f"{folder}/{sample}.truth.vcf.gz"
            has_vcf = os.path.exists(os.path.join(self.out, vcf))
            tjson = f"{folder}/truth.json" if os.path.exists(os.path.join(self.out, folder, "truth.json")) else ""
            role = ROLES.get(sample) or ("tumor" if sample.startswith(("CN_", "CNH_")) else
                                         "cohort" if sample.startswith("COHORT_") else "rna_sample")
            self.manifest.append((scenario, sample if f.endswith(".bam") else "-", kind, role, f,
                                  vcf if has_vcf else "", tjson, purpose))


def log(msg: str) -> None:
    print(f"[build {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ------------------------------------------------------------------------------------------------- reference
def build_reference(wd: World) -> tuple[ReferenceBuilder, GenomeSeq]:
    rb = ReferenceBuilder()
    rb.build()
    os.makedirs(wd.index_dir, exist_ok=True)
    rb.write_windows_fasta(os.path.join(wd.index_dir, "windows.fa"))
    fa = wd.path(REF_REL)
    # The genome FASTA also carries the copy-number world's sequence (sim/cn_hybrid.py: chr3 2.0-4.5 Mb and six
    # background windows); bwa aligns the other scenarios to rb.windows only, so their BAMs do not change.
    from .cn_hybrid import CnReference
    cn = CnReference(rb)
    ReferenceBuilder.write_genome_fasta_bgzf(cn, fa)  # type: ignore[arg-type]
    for ext in (".fai", ".gzi"):
        if os.path.exists(fa + ext):
            os.remove(fa + ext)
    subprocess.run(["samtools", "faidx", fa], check=True)
    rb.write_gtf(wd.path("reference/crbn_world.GRCh38.gtf"))
    with open(wd.path("reference/panel_targets.bed"), "w") as fh:
        for c, s, e, name in all_targets(rb.panel):
            fh.write(f"{c}\t{s - 1}\t{e}\t{name}\n")
    subprocess.run(["bwa", "index", "windows.fa"], cwd=wd.index_dir, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    g = GenomeSeq(rb.windows, rb.window_strings())
    write_json(wd.path("reference/crbn_world.json"), {
        "synthetic": True,
        "description": "SYNTHETIC reference: real GRCh38 contig names/lengths, N outside the sequence windows",
        "windows": [{"chrom": w.chrom, "start": w.start, "end": w.end} for w in cn.windows],
        "alignment_windows": [{"chrom": w.chrom, "start": w.start, "end": w.end} for w in rb.windows],
        "crbn": {"transcript": CRBN.tx_id, "strand": "-", "exons": [list(e) for e in CRBN.exons],
                 "cds": list(CRBN.cds), "exon10": list(CRBN_EXON10), "skip_junction": list(CRBN_SKIP_JUNCTION),
                 "introns": [list(i) for i in CRBN.introns()], "protein": read_protein(),
                 "cds_sequence": rb.crbn_cds},
        "pgx_snps": [{"id": rs, "chrom": c, "pos": p, "ref": r, "alt": a} for rs, c, p, r, a in PGX_SNPS],
        "notes": rb.notes,
    })
    for f, what in ((REF_REL, "SYNTHETIC reference (GRCh38 names/lengths; CRBN encodes Q96SW2); .fai and .gzi beside it"),
                    ("reference/crbn_world.GRCh38.gtf", "annotation: CRBN MANE NM_016302.4 + merged-exon biomarker genes"),
                    ("reference/panel_targets.bed", "capture panel: CRBN exons +-150, PGx SNPs, CN control targets"),
                    ("reference/crbn_world.json", "reference facts: windows, CRBN exons/introns/CDS, protein")):
        wd.manifest.append(("reference", "-", "reference", "reference", f, "", "", what))
    return rb, g


# ------------------------------------------------------------------------------------------------- DNA
def realise(bam: str, comps: list[Component], variants: list[Variant]) -> list[dict]:
    """Design and realised (read-name) allele counts for every small variant in the sample."""
    total = sum(c.share for c in comps)
    rows = []
    for v in variants:
        carriers = [c.haplotype.name for c in comps if v in c.haplotype.variants]
        design = sum(c.share for c in comps if v in c.haplotype.variants) / total
        a, b = site_region(v)
        counts = fragments_by_haplotype(bam, v.chrom, a, b)
        alt = sum(n for h, n in counts.items() if h in carriers)
        rows.append({"variant": v, "design_vaf": design, "ad_alt": alt, "ad_ref": sum(counts.values()) - alt,
                     "carriers": carriers, "fragments_by_haplotype": counts})
    return rows


def run_dna(wd: World, g: GenomeSeq, d: DnaDesign, rel_dir: str) -> str:
    t0 = time.time()
    work = os.path.join(wd.work, "dna", d.sample)
    r1, r2, pairs = simulate_reads(d, g, work)
    bam = wd.path(f"{rel_dir}/{d.sample}.bam")
    align_dna(d, r1, r2, wd.index_dir, g.windows, bam)
    log(f"{d.sample}: {sum(pairs.values())} pairs in {time.time() - t0:.1f}s")
    d.pairs = pairs  # type: ignore[attr-defined]
    return bam


def sample_truth(wd: World, g: GenomeSeq, d: DnaDesign, bam: str, rel_dir: str, somatic: set[str],
                 genotypes: dict[str, str] | None = None) -> dict:
    variants: list[Variant] = []
    for c in d.components:
        for v in c.haplotype.variants:
            if v not in variants and not v.is_segment:
                variants.append(v)
    rows = realise(bam, d.components, variants)
    for r in rows:
        v = r["variant"]
        r["somatic"] = v.label in somatic
        r["gt"] = (genotypes or {}).get(v.label, "1/1" if r["design_vaf"] > 0.99 else "0/1")
    segs = []
    for c in d.components:
        for v in c.haplotype.variants:
            if v.is_segment and v not in segs:
                segs.append(v)
    seg_rows = [{"variant": v, "gt": "0/1", "somatic": True,
                 "design_vaf": sum(c.share for c in d.components if v in c.haplotype.variants)} for v in segs]
    write_vcf(wd.path(f"{rel_dir}/{d.sample}.truth.vcf.gz"), d.sample, rows + seg_rows, g)
    return {
        "sample": d.sample,
        "bam": f"{rel_dir}/{d.sample}.bam",
        "truth_vcf": f"{rel_dir}/{d.sample}.truth.vcf.gz",
        "design_depth": d.depth,
        "fragment_mean": d.frag_mean, "fragment_sd": d.frag_sd, "read_length": 100,
        "regions": [f"{c}:{a}-{b}" for c, a, b in d.regions],
        "haplotypes": [{"name": c.haplotype.name, "share": round(c.share, 6),
                        "variants": [v.label for v in c.haplotype.variants],
                        "pairs_simulated": d.pairs.get(c.haplotype.name, 0)} for c in d.components],  # type: ignore
        "variants": [{**r["variant"].to_json(), "somatic": r["somatic"], "genotype": r["gt"],
                      "design_vaf": round(r["design_vaf"], 6), "carriers": r["carriers"],
                      "realised": {"alt_fragments": r["ad_alt"], "ref_fragments": r["ad_ref"],
                                   "depth_fragments": r["ad_alt"] + r["ad_ref"],
                                   "vaf": round(r["ad_alt"] / max(1, r["ad_alt"] + r["ad_ref"]), 6),
                                   "fragments_by_haplotype": r["fragments_by_haplotype"]}} for r in rows],
        "segments": [{**r["variant"].to_json(), "ref": "", "end": r["variant"].end,
                      "haplotype_share": r["design_vaf"]} for r in seg_rows],
    }


def padded(regions: list[tuple[str, int, int, str]], pad: int) -> list[tuple[str, int, int]]:
    """Pads targets so that fragments drawn inside give flat depth over the target; merges overlaps."""
    out: list[tuple[str, int, int]] = []
    for c, s, e, _ in sorted(regions):
        s, e = s - pad, e + pad
        if out and out[-1][0] == c and s <= out[-1][2]:
            out[-1] = (c, out[-1][1], max(e, out[-1][2]))
        else:
            out.append((c, s, e))
    return out


def build_dna(wd: World, rb: ReferenceBuilder, g: GenomeSeq) -> None:
    dz = CrbnDesigner(g)
    assert dz.protein == read_protein() + "*"
    wgs_region = [("chr3", CRBN.span[0] - 20_000, CRBN.span[1] + 20_000)]

    # -- WGS-like negative
    ref = Haplotype("ref")
    d = DnaDesign("WGS_NEG", [Component(ref, 1.0)], wgs_region, 60, 350, 35)
    bam = run_dna(wd, g, d, "dna/wgs_negative")
    write_json(wd.path("dna/wgs_negative/truth.json"), {
        "scenario": "wgs_negative", "synthetic": True, "kind": "DNA WGS-like, CRBN gene +- 20 kb at 60x",
        "expected": {"variants": [], "copy_number": "neutral"},
        "samples": [sample_truth(wd, g, d, bam, "dna/wgs_negative", set())]})
    wd.add("wgs_negative", "dna", "dna/wgs_negative/WGS_NEG.bam", "negative control: no CRBN alteration, 60x")

    # -- tumour / matched normal at 60x
    s_r419 = dz.snv("R419X", 1255, "T")
    s_h353 = dz.snv("H353R", 1058, "G")
    s_e140 = dz.snv("E140K", 418, "A")
    s_del2 = dz.deletion("DEL2", 450, 2)
    g_syn = dz.snv("E200E", 600, "G")
    g_int = dz.intronic_snv("INTRON3", 3_173_501, "G" if g.base("chr3", 3_173_501) != "G" else "A")
    germ_p = [g_syn, g_int]
    tumor = [Component(Haplotype("alt_R419X", [s_r419]), 0.30), Component(Haplotype("alt_E140K", [s_e140]), 0.08),
             Component(Haplotype("hapM"), 0.12),
             Component(Haplotype("alt_H353R", germ_p + [s_h353]), 0.15),
             Component(Haplotype("alt_DEL2", germ_p + [s_del2]), 0.20),
             Component(Haplotype("hapP", list(germ_p)), 0.15)]
    normal = [Component(Haplotype("hapM"), 0.5), Component(Haplotype("hapP", list(germ_p)), 0.5)]
    somatic = {"R419X", "H353R", "E140K", "DEL2"}
    samples = []
    for name, comps in (("TN60_TUMOR", tumor), ("TN60_NORMAL", normal)):
        d = DnaDesign(name, comps, wgs_region, 60, 350, 35)
        bam = run_dna(wd, g, d, "dna/tumor_normal_60x")
        samples.append(sample_truth(wd, g, d, bam, "dna/tumor_normal_60x", somatic))
    write_json(wd.path("dna/tumor_normal_60x/truth.json"), {
        "scenario": "tumor_normal_60x", "synthetic": True, "purity": 1.0,
        "kind": "DNA WGS-like, CRBN gene +- 20 kb at 60x; tumour and matched normal share two germline SNPs",
        "samples": samples})
    wd.add("tumor_normal_60x", "dna", "dna/tumor_normal_60x/TN60_TUMOR.bam;dna/tumor_normal_60x/TN60_NORMAL.bam",
           "somatic SNVs at VAF 0.30/0.15/0.08 and a 2-bp deletion at 0.20; matched normal with germline SNPs")

    # -- deep targeted panel
    deep_regions = padded(crbn_targets() + pgx_targets(), 100)
    pgx = {rs: Variant(rs, c, p, r, a, vid=rs) for rs, c, p, r, a in PGX_SNPS}
    germ_m = [pgx["rs2032582"]]
    germ_p2 = [pgx["rs1045642"], pgx["rs2032582"], pgx["rs1128503"], pgx["rs2010963"], g_syn]
    deep_somatic = [
        (dz.snv("C391R", 1171, "C"), 0.10),
        (dz.deletion("DEL3", 250, 3, codon_aligned=True), 0.08),
        (dz.snv("W386R", 1156, "C"), 0.05),
        (dz.insertion("INS1", 880), 0.04),
        (dz.snv("W380G", 1138, "G"), 0.02),
        (s_r419, 0.01),
        (s_h353, 0.005),
    ]
    comps = [Component(Haplotype(f"alt_{v.label}", germ_m + [v]), share) for v, share in deep_somatic]
    comps.append(Component(Haplotype("hapM", list(germ_m)), 0.5 - sum(s for _, s in deep_somatic)))
    comps.append(Component(Haplotype("hapP", list(germ_p2)), 0.5))
    normal = [Component(Haplotype("hapM", list(germ_m)), 0.5), Component(Haplotype("hapP", list(germ_p2)), 0.5)]
    gts = {"rs2032582": "1/1"}
    samples = []
    for name, cs, depth in (("DEEP_TUMOR", comps, 2000), ("DEEP_NORMAL", normal, 500)):
        d = DnaDesign(name, cs, deep_regions, depth, 250, 25)
        bam = run_dna(wd, g, d, "dna/deep_panel")
        samples.append(sample_truth(wd, g, d, bam, "dna/deep_panel", {v.label for v, _ in deep_somatic}, gts))
    samples[0]["pgx_genotypes"] = samples[1]["pgx_genotypes"] = {
        "rs1045642": "0/1", "rs2032582": "1/1", "rs1128503": "0/1", "rs699947": "0/0", "rs2010963": "0/1"}
    write_json(wd.path("dna/deep_panel/truth.json"), {
        "scenario": "deep_panel", "synthetic": True, "purity": 1.0,
        "kind": "DNA deep targeted: reads only from CRBN exons +-150 bp (fragments drawn from exon +-250 bp) "
                "and the five PGx SNP sites; tumour 2000x, matched normal 500x",
        "samples": samples})
    wd.add("deep_panel", "dna", "dna/deep_panel/DEEP_TUMOR.bam;dna/deep_panel/DEEP_NORMAL.bam",
           "demo DNA: low-VAF SNVs 0.10..0.005, 1-bp insertion, 3-bp deletion, pocket W386R/W380G; PGx genotypes")

    build_copy_number(wd, rb, g)
    build_longitudinal_dna(wd, g, dz, g_syn, s_h353)
    from .cn_hybrid import build as build_cn_hybrid
    build_cn_hybrid(wd, rb, log)


#: The designed baseline/relapse comparison (crbn compare): what each change must be classified as.
LONGITUDINAL_EXPECTED = {
    "pairs": [
        {"baseline": "LONG_BASELINE", "relapse": "LONG_RELAPSE", "verdict": "acquired",
         "variants": {"W386R": "new", "C391R": "expanded", "E200E": "stable", "H353R": "lost", "DEL2": "new"},
         "exon10": "risen"},
        {"baseline": "NOCHANGE_A", "relapse": "NOCHANGE_B", "verdict": "none",
         "variants": {"E200E": "stable", "H353R": "stable"}, "exon10": "not_assessable"},
    ]}


def build_longitudinal_dna(wd: World, g: GenomeSeq, dz: CrbnDesigner, g_syn: Variant, s_h353: Variant) -> None:
    """One patient at baseline and relapse (SYNTHETIC): W386R acquired (absent -> 0.15), a 2-bp frameshift deletion
    DEL2 acquired (absent -> 0.10; crbn compare re-measures it in the baseline BAM), a C391R subclone expanding
    (0.04 -> 0.30), the germline synonymous E200E stable at 0.5 and an H353R subclone lost (0.10 -> 0); plus a pair
    with no change (germline E200E and H353R at 0.10 in both)."""
    regions = padded(crbn_targets(), 100)
    w386r, c391r = dz.snv("W386R", 1156, "C"), dz.snv("C391R", 1171, "C")
    del2 = dz.deletion("DEL2", 1100, 2)
    germ = [g_syn]
    designs = {
        "LONG_BASELINE": [(Haplotype("alt_C391R", [c391r]), 0.04), (Haplotype("alt_H353R", [s_h353]), 0.10),
                          (Haplotype("hapM"), 0.36), (Haplotype("hapP", list(germ)), 0.5)],
        "LONG_RELAPSE": [(Haplotype("alt_C391R", [c391r]), 0.30), (Haplotype("alt_W386R", germ + [w386r]), 0.15),
                         (Haplotype("alt_DEL2", [del2]), 0.10), (Haplotype("hapM"), 0.10), (Haplotype("hapP", list(germ)), 0.35)],
        "NOCHANGE_A": [(Haplotype("alt_H353R", [s_h353]), 0.10), (Haplotype("hapM"), 0.40), (Haplotype("hapP", list(germ)), 0.5)],
        "NOCHANGE_B": [(Haplotype("alt_H353R", [s_h353]), 0.10), (Haplotype("hapM"), 0.40), (Haplotype("hapP", list(germ)), 0.5)],
    }
    samples = []
    for name, comps in designs.items():
        d = DnaDesign(name, [Component(h, share) for h, share in comps], regions, 300, 250, 25)
        bam = run_dna(wd, g, d, "dna/longitudinal")
        samples.append(sample_truth(wd, g, d, bam, "dna/longitudinal", {"W386R", "C391R", "H353R", "DEL2"}))
    write_json(wd.path("dna/longitudinal/truth.json"), {
        "scenario": "longitudinal", "synthetic": True, "purity": 1.0,
        "kind": "DNA deep targeted (CRBN exons +-150 bp) at 300x: one patient at baseline and relapse, and a pair "
                "with no change; RNA of the same samples in rna/longitudinal",
        "expected_compare": LONGITUDINAL_EXPECTED, "samples": samples})
    wd.add("longitudinal", "dna", ";".join(f"dna/longitudinal/{n}.bam" for n in designs),
           "baseline/relapse: W386R and a 2-bp frameshift deletion acquired, C391R 0.04->0.30, germline E200E stable, "
           "H353R lost; no-change pair")


def build_copy_number(wd: World, rb: ReferenceBuilder, g: GenomeSeq) -> None:
    regions = padded(all_targets(rb.panel), 100)
    loss = segment_deletion("CRBN_LOSS", *CN_LOSS_SEGMENT)
    homdel = segment_deletion("CRBN_E9_11_DEL", *CN_HOMDEL_E9_11_SEGMENT)
    designs: list[tuple[DnaDesign, dict]] = []
    for i, depth in enumerate((100, 80, 120, 90), start=1):
        designs.append((DnaDesign(f"PON_N{i}", [Component(Haplotype("ref"), 1.0)], regions, depth),
                        {"role": "panel_of_normals", "purity": 0.0, "state": "neutral"}))

    def one_copy(p: float) -> list[Component]:
        return [Component(Haplotype("hapM"), 0.5), Component(Haplotype("hapP"), 0.5 * (1 - p)),
                Component(Haplotype("del_CRBN_LOSS", [loss]), 0.5 * p)]

    for name, p in (("CN_LOSS_P80", 0.8), ("CN_LOSS_P40", 0.4)):
        designs.append((DnaDesign(name, one_copy(p), regions, 100),
                        {"role": "tumor", "purity": p, "state": "hemizygous_loss",
                         "segment": f"{CN_LOSS_SEGMENT[0]}:{CN_LOSS_SEGMENT[1]}-{CN_LOSS_SEGMENT[2]}",
                         "tumor_copies": 1, "expected_depth_ratio": (2 * (1 - p) + p) / 2,
                         "exons_affected": list(range(1, 12))}))
    p = 0.9
    designs.append((DnaDesign("CN_HOMDEL_E9_11", [
        Component(Haplotype("hapM"), 0.5 * (1 - p)), Component(Haplotype("hapP"), 0.5 * (1 - p)),
        Component(Haplotype("del_E9_11_M", [homdel]), 0.5 * p), Component(Haplotype("del_E9_11_P", [homdel]), 0.5 * p)],
        regions, 100), {"role": "tumor", "purity": p, "state": "homozygous_loss",
                        "segment": f"{CN_HOMDEL_E9_11_SEGMENT[0]}:{CN_HOMDEL_E9_11_SEGMENT[1]}-{CN_HOMDEL_E9_11_SEGMENT[2]}",
                        "tumor_copies": 0, "expected_depth_ratio": 1 - p, "exons_affected": [9, 10, 11]}))
    designs.append((DnaDesign("CN_NEUTRAL", [Component(Haplotype("ref"), 1.0)], regions, 100),
                     {"role": "tumor", "purity": 0.7, "state": "neutral", "tumor_copies": 2,
                      "expected_depth_ratio": 1.0, "exons_affected": []}))
    targets = all_targets(rb.panel)
    samples = []
    for d, meta in designs:
        bam = run_dna(wd, g, d, "dna/copy_number")
        t = sample_truth(wd, g, d, bam, "dna/copy_number", set())
        counts = []
        for c, s, e, name in targets:
            n = fragments_by_haplotype(bam, c, s, e)
            counts.append({"target": name, "region": f"{c}:{s}-{e}", "fragments": sum(n.values())})
        samples.append({**t, **meta, "target_fragments": counts})
    write_json(wd.path("dna/copy_number/truth.json"), {
        "scenario": "copy_number", "synthetic": True,
        "kind": "DNA targeted panel (reference/panel_targets.bed) at ~100x: CRBN exons, PGx sites and control "
                "targets (chr3 flanks of CRBN, one exon per biomarker gene). Copy number = read depth; "
                "one-copy loss at purity p gives depth ratio (2(1-p)+p)/2 inside the segment",
        "samples": samples})
    wd.add("copy_number", "dna", ";".join(f"dna/copy_number/{d.sample}.bam" for d, _ in designs),
           "panel of 4 normals; one-copy CRBN loss at purity 0.8 and 0.4; homozygous exon 9-11 loss; copy-neutral")


def write_manifest(wd: World) -> None:
    with open(wd.path("manifest.tsv"), "w") as fh:
        fh.write("scenario\tsample\tassay\trole\tfile\ttruth_vcf\ttruth_json\tpurpose\n")
        for row in wd.manifest:
            fh.write("\t".join(row) + "\n")


def main(argv: list[str]) -> int:
    out = argv[1] if len(argv) > 1 else "."
    work = argv[2] if len(argv) > 2 else os.path.join(out, ".work")
    only = set(argv[3].split(",")) if len(argv) > 3 else None
    wd = World(out, work)
    t0 = time.time()
    rb, g = build_reference(wd)
    log(f"reference done in {time.time() - t0:.1f}s")
    if only is None or "dna" in only:
        build_dna(wd, rb, g)
    if only is None or "rna" in only:
        from .rna import build_rna
        build_rna(wd, rb, g)
    write_manifest(wd)
    log(f"all done in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
