"""RNA scenarios: a small deterministic stranded (dUTP, fr-firststrand) paired-end simulator over transcript
sequences, aligned with hisat2 (known splice sites from the GTF) and lifted to GRCh38 contigs."""
from __future__ import annotations

import math
import os
import random
import subprocess
from dataclasses import dataclass, field

from .genome import CRBN, CRBN_DEX10, SEED, Transcript, revcomp
from .lift import align_lift_sort
from .truth import fragments_by_haplotype, site_region, write_json, write_vcf
from .variants import CrbnDesigner, GenomeSeq, Haplotype, Variant

READ_LEN = 100
FRAG_MEAN, FRAG_SD, FRAG_MIN = 220, 40, 120
ANCHOR = 8  # bases each side for a read to count as junction-spanning

#: Baseline TPMs (myeloma-like ordering; SYNTHETIC design values, not measurements).
BASE_TPM = {"CRBN": 60.0, "IKZF1": 25.0, "IKZF3": 40.0, "BSG": 150.0, "SLC16A1": 30.0, "ADAR": 50.0,
            "MIR22HG": 10.0, "MYC": 120.0, "ABCB1": 2.0, "VEGFA": 15.0, "TRNT1": 25.0, "IL5RA": 1.0}


@dataclass
class RnaDesign:
    sample: str
    tpm: dict[str, float]
    fragments_total: int
    psi: float = 0.0                       # fraction of CRBN molecules lacking exon 10
    snv: Variant | None = None
    snv_fraction: float = 0.0              # fraction of CRBN molecules carrying the SNV
    seed_label: str = ""
    realised: dict = field(default_factory=dict)


def tx_sequence(t: Transcript, g: GenomeSeq, hap: Haplotype | None = None) -> str:
    parts = []
    for s, e in sorted(t.exons):
        parts.append(g.seq(t.chrom, s, e))
    seq = "".join(parts)
    if hap is not None:
        # apply SNVs only (RNA designs use substitutions); positions via genomic map
        pos = [p for s, e in sorted(t.exons) for p in range(s, e + 1)]
        idx = {p: i for i, p in enumerate(pos)}
        lst = list(seq)
        for v in hap.variants:
            assert len(v.ref) == len(v.alt) == 1
            if v.chrom == t.chrom and v.pos in idx:
                assert lst[idx[v.pos]] == v.ref
                lst[idx[v.pos]] = v.alt
        seq = "".join(lst)
    return seq if t.strand == "+" else revcomp(seq)


def junction_offsets(t: Transcript) -> list[int]:
    """Transcript offsets (0-based index of the first base after each exon junction)."""
    out, acc = [], 0
    for s, e in t.exons[:-1]:
        acc += e - s + 1
        out.append(acc)
    return out


def _qual_and_errors(rng: random.Random, seq: str) -> tuple[str, str]:
    """Binned qualities (Q37 body, Q23 tail, rare Q12) and substitution errors drawn at the matching rate."""
    n = len(seq)
    tail = min(n, int(rng.expovariate(1 / 12)))
    q = ["F"] * (n - tail) + ["8"] * tail
    if rng.random() < 0.05:
        q[-1] = "-"
    out = list(seq)
    for i, c in enumerate(q):
        p = 0.0002 if c == "F" else 0.005 if c == "8" else 0.06
        if rng.random() < p:
            out[i] = rng.choice("ACGT".replace(out[i], ""))
    return "".join(out), "".join(q)


def simulate(d: RnaDesign, g: GenomeSeq, panel: list[Transcript], work: str) -> tuple[str, str]:
    rng = random.Random(f"{SEED}:rna:{d.seed_label or d.sample}")
    genes = {t.gene: t for t in panel if t.gene != "CRBN"}
    sources: list[tuple[str, str, Transcript, float]] = []  # (read-name source, gene, transcript, weight)
    alt_hap = Haplotype("alt", [d.snv]) if d.snv else None
    for gene, tpm in d.tpm.items():
        if gene == "CRBN":
            for iso, t, frac in (("full", CRBN, 1 - d.psi), ("dex10", CRBN_DEX10, d.psi)):
                for allele, af in (("ref", 1 - d.snv_fraction), (f"alt_{d.snv.label}" if d.snv else "alt", d.snv_fraction)):
                    w = tpm * frac * af * max(1, t.length - FRAG_MEAN + 1)
                    if w > 0:
                        sources.append((f"CRBN.{iso}.{allele}", gene, t, w))
        else:
            t = genes[gene]
            sources.append((f"{gene}.tx.ref", gene, t, tpm * max(1, t.length - FRAG_MEAN + 1)))
    seqs = {}
    for name, gene, t, _ in sources:
        seqs[name] = tx_sequence(t, g, alt_hap if ".alt" in name else None)
    picks = rng.choices(range(len(sources)), weights=[s[3] for s in sources], k=d.fragments_total)
    counts = [0] * len(sources)
    for i in picks:
        counts[i] += 1
    os.makedirs(work, exist_ok=True)
    r1p, r2p = os.path.join(work, "r1.fq"), os.path.join(work, "r2.fq")
    jx = {"CRBN.full": junction_offsets(CRBN), "CRBN.dex10": junction_offsets(CRBN_DEX10)}
    junction_reads = {"exon9_exon10": 0, "exon10_exon11": 0, "exon9_exon11_skip": 0}
    per_source = {}
    with open(r1p, "w") as f1, open(r2p, "w") as f2:
        for (name, gene, t, _), n in zip(sources, counts):
            seq = seqs[name]
            per_source[name] = n
            L = len(seq)
            for k in range(1, n + 1):
                f = max(FRAG_MIN, int(rng.gauss(FRAG_MEAN, FRAG_SD)))
                f = min(f, L)
                a = rng.randint(0, L - f)
                frag = seq[a:a + f]
                r = min(READ_LEN, f)
                s1, q1 = _qual_and_errors(rng, revcomp(frag[-r:]))   # read 1: antisense (dUTP)
                s2, q2 = _qual_and_errors(rng, frag[:r])             # read 2: sense
                rid = f"{name}_{k:06d}"
                f1.write(f"@{rid}\n{s1}\n+\n{q1}\n")
                f2.write(f"@{rid}\n{s2}\n+\n{q2}\n")
                if name.startswith("CRBN."):
                    iso = ".".join(name.split(".")[:2])
                    offs = jx[iso]
                    for lo, hi in ((a, a + r), (a + f - r, a + f)):   # transcript spans of the two reads
                        for j, o in enumerate(offs):
                            if lo + ANCHOR <= o <= hi - ANCHOR:
                                if iso == "CRBN.full" and j == 8:
                                    junction_reads["exon9_exon10"] += 1
                                elif iso == "CRBN.full" and j == 9:
                                    junction_reads["exon10_exon11"] += 1
                                elif iso == "CRBN.dex10" and j == 8:
                                    junction_reads["exon9_exon11_skip"] += 1
    d.realised = {"fragments_by_source": per_source, "crbn_junction_reads_simulated": junction_reads}
    return r1p, r2p


def splice_sites(transcripts: list[Transcript], wins, path: str) -> None:
    rows = set()
    for t in transcripts:
        for lo, hi in t.introns():
            for w in wins:
                if w.contains(t.chrom, lo) and w.contains(t.chrom, hi):
                    rows.add((w.name, lo - 2 - w.offset, hi - w.offset, t.strand))
    with open(path, "w") as fh:
        for r in sorted(rows):
            fh.write("\t".join(str(x) for x in r) + "\n")


def align_rna(sample: str, r1: str, r2: str, index_dir: str, wins, out_bam: str) -> None:
    cmd = ["hisat2", "-p", "1", "--seed", "7", "--rna-strandness", "RF", "--known-splicesite-infile",
           "splice_sites.txt", "--rg-id", f"{sample}.L1", "--rg", f"SM:{sample}", "--rg", "PL:ILLUMINA",
           "--rg", f"LB:{sample}.lib1", "-x", "windows", "-1", os.path.relpath(r1, index_dir),
           "-2", os.path.relpath(r2, index_dir)]
    pg = ("@PG\tID:hisat2\tPN:hisat2\tVN:2.2.1\tCL:hisat2 -p 1 --seed 7 --rna-strandness RF "
          "--known-splicesite-infile splice_sites.txt -x windows -1 R1.fq -2 R2.fq")
    comments = ["SYNTHETIC RNA-seq from the crbn test world (testdata/build.sh): stranded dUTP (fr-firststrand, "
                "featureCounts -s 2), read name = GENE.ISOFORM.ALLELE_serial; aligned to windows and lifted to GRCh38"]
    align_lift_sort(cmd, index_dir, out_bam, wins, pg, comments)


def crbn_junctions_in_bam(bam: str) -> dict[str, int]:
    """Reads whose CIGAR has an N exactly on a CRBN exon-10 junction (intronic 1-based coordinates)."""
    targets = {(i[0], i[1]): k for k, i in (("exon9_exon10", CRBN.introns()[8]), ("exon10_exon11", CRBN.introns()[9]),
                                            ("exon9_exon11_skip", CRBN_DEX10.introns()[8]))}
    out = {k: 0 for k in targets.values()}
    sam = subprocess.run(["samtools", "view", "-F", "0x904", bam, "chr3:3151000-3153500"], check=True,
                         capture_output=True, text=True).stdout
    for line in sam.splitlines():
        f = line.split("\t")
        pos, num = int(f[3]), ""
        for ch in f[5]:
            if ch.isdigit():
                num += ch
                continue
            n = int(num)
            num = ""
            if ch == "N":
                k = targets.get((pos, pos + n - 1))
                if k:
                    out[k] += 1
            if ch in "MDN=X":
                pos += n
    return out


def build_rna(wd, rb, g: GenomeSeq) -> None:
    """All RNA scenarios: exon-10 psi series, low depth, expressed SNV, expression cohort."""
    idx = wd.index_dir
    subprocess.run(["hisat2-build", "-p", "1", "windows.fa", "windows"], cwd=idx, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    panel = [t for t in rb.panel if t.gene != "CRBN"]
    splice_sites([CRBN, CRBN_DEX10] + panel, rb.windows, os.path.join(idx, "splice_sites.txt"))
    dz = CrbnDesigner(g)

    def expected_share(tpm: dict[str, float]) -> float:
        lens = {t.gene: t.length for t in panel}
        lens["CRBN"] = CRBN.length
        w = {k: v * max(1, lens[k] - FRAG_MEAN + 1) for k, v in tpm.items()}
        return w["CRBN"] / sum(w.values())

    def run(d: RnaDesign, rel: str) -> dict:
        work = os.path.join(wd.work, "rna", d.sample)
        r1, r2 = simulate(d, g, rb.panel, work)
        bam = wd.path(f"{rel}/{d.sample}.bam")
        align_rna(d.sample, r1, r2, idx, rb.windows, bam)
        full_len, skip_len = CRBN.length - FRAG_MEAN + 1, CRBN_DEX10.length - FRAG_MEAN + 1
        exp_skip = d.psi * skip_len / (d.psi * skip_len + (1 - d.psi) * full_len)
        src = d.realised["fragments_by_source"]
        crbn_full = sum(v for k, v in src.items() if k.startswith("CRBN.full"))
        crbn_skip = sum(v for k, v in src.items() if k.startswith("CRBN.dex10"))
        genes: dict[str, int] = {}
        for k, v in src.items():
            genes[k.split(".")[0]] = genes.get(k.split(".")[0], 0) + v
        out = {"sample": d.sample, "bam": f"{rel}/{d.sample}.bam", "library": "paired 2x100, stranded dUTP (RF)",
               "fragments_total": d.fragments_total, "design_tpm": d.tpm,
               "crbn": {"design_psi_skipped": d.psi,
                        "expected_fragment_fraction_skipped": round(exp_skip, 6),
                        "effective_lengths": {"full": full_len, "dex10": skip_len},
                        "fragments": {"full": crbn_full, "dex10": crbn_skip},
                        "junction_reads_simulated": d.realised["crbn_junction_reads_simulated"],
                        "junction_reads_in_bam": crbn_junctions_in_bam(bam)},
               "fragments_by_gene": genes, "fragments_by_source": src}
        if d.snv is not None:
            a, b = site_region(d.snv)
            counts = fragments_by_haplotype(bam, d.snv.chrom, a, b)
            alt = sum(n for h, n in counts.items() if ".alt" in h)
            dp = sum(counts.values())
            out["snv"] = {**d.snv.to_json(), "design_allele_fraction": d.snv_fraction,
                          "realised": {"alt_fragments": alt, "depth_fragments": dp,
                                       "fragments_by_source": counts}}
            write_vcf(wd.path(f"{rel}/{d.sample}.truth.vcf.gz"), d.sample,
                      [{"variant": d.snv, "gt": "0/1", "ad_ref": dp - alt, "ad_alt": alt,
                        "design_vaf": d.snv_fraction, "somatic": True}], g)
            out["truth_vcf"] = f"{rel}/{d.sample}.truth.vcf.gz"
        return out

    crbn_frags = 1100
    share = expected_share(BASE_TPM)
    psi_samples = []
    for psi in (0.0, 0.05, 0.20, 0.45):
        name = f"RNA_PSI{round(psi * 100):03d}"
        psi_samples.append(run(RnaDesign(name, dict(BASE_TPM), round(crbn_frags / share), psi=psi), "rna/exon10_psi"))
    write_json(wd.path("rna/exon10_psi/truth.json"), {
        "scenario": "exon10_psi", "synthetic": True,
        "kind": "RNA: CRBN with a known fraction of exon-10-skipped molecules (psi), ~150 exon-10 junction reads",
        "psi_definition": "fraction of CRBN molecules lacking exon 10; fragments are drawn in proportion to "
                          "molecules x effective length (length - 220 + 1)",
        "samples": psi_samples})
    wd.add("exon10_psi", "rna", ";".join(s["bam"] for s in psi_samples),
           "CRBN delta-exon-10 at psi 0, 0.05, 0.20 (demo RNA), 0.45")

    low = run(RnaDesign("RNA_LOWDEPTH", dict(BASE_TPM), round(40 / share), psi=0.20), "rna/low_depth")
    write_json(wd.path("rna/low_depth/truth.json"), {
        "scenario": "low_depth", "synthetic": True,
        "kind": "RNA: only ~40 CRBN fragments (a handful of junction reads); splicing should be not_assessable "
                "or carry a wide interval", "samples": [low]})
    wd.add("low_depth", "rna", low["bam"], "too few CRBN junction reads to judge exon-10 skipping")

    w386r = dz.snv("W386R", 1156, "C")
    snv = run(RnaDesign("RNA_SNV", dict(BASE_TPM), round(crbn_frags / share), snv=w386r, snv_fraction=0.35),
              "rna/expressed_snv")
    write_json(wd.path("rna/expressed_snv/truth.json"), {
        "scenario": "expressed_snv", "synthetic": True,
        "kind": "RNA: 35% of CRBN molecules carry c.1156T>C p.Trp386Arg (pocket residue)", "samples": [snv]})
    wd.add("expressed_snv", "rna", snv["bam"], "expressed CRBN SNV W386R at allele fraction 0.35")

    rng = random.Random(f"{SEED}:cohort")
    cohort = []
    rows = []
    for i in range(1, 11):
        tpm = {gname: round(v * math.exp(rng.gauss(0, 0.6)), 3) for gname, v in BASE_TPM.items()}
        name = f"COHORT_{i:02d}"
        d = RnaDesign(name, tpm, 6000, psi=round(rng.choice([0.0, 0.0, 0.0, 0.03, 0.1]), 3))
        s = run(d, "rna/cohort")
        cohort.append(s)
        total_tpm = sum(tpm.values())
        for gname in BASE_TPM:
            rows.append((name, gname, f"{tpm[gname] / total_tpm * 1e6:.3f}", str(s["fragments_by_gene"].get(gname, 0))))
    with open(wd.path("rna/cohort/expression_truth.tsv"), "w") as fh:
        fh.write("sample\tgene\tdesign_tpm\tfragments\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    write_json(wd.path("rna/cohort/truth.json"), {
        "scenario": "cohort", "synthetic": True,
        "kind": "RNA cohort of 10 samples; per-gene TPM = baseline x lognormal(0, 0.6); design TPM renormalised "
                "to 1e6 over the simulated genes is in expression_truth.tsv", "samples": cohort})
    wd.manifest.append(("cohort", "-", "rna", "expression_truth", "rna/cohort/expression_truth.tsv", "",
                        "rna/cohort/truth.json", "design TPM and realised fragments per sample and gene"))
    wd.add("cohort", "rna", ";".join(s["bam"] for s in cohort),
           "reference cohort for expression percentiles with known TPMs")

    # -- one patient at baseline and relapse (DNA in dna/longitudinal): Δexon10 rises from psi 0.03 to 0.30
    long_frags = 700
    longitudinal = [run(RnaDesign(name, dict(BASE_TPM), round(long_frags / share), psi=psi), "rna/longitudinal")
                    for name, psi in (("LONG_BASELINE_RNA", 0.03), ("LONG_RELAPSE_RNA", 0.30))]
    write_json(wd.path("rna/longitudinal/truth.json"), {
        "scenario": "longitudinal", "synthetic": True,
        "kind": "RNA of the baseline/relapse pair of dna/longitudinal: CRBN delta-exon-10 psi 0.03 at baseline, "
                "0.30 at relapse (~700 CRBN fragments each)", "samples": longitudinal})
    wd.add("longitudinal", "rna", ";".join(s["bam"] for s in longitudinal),
           "baseline/relapse RNA: delta-exon-10 psi 0.03 -> 0.30")
