"""SYNTHETIC genome-scale copy-number world: a hybrid-capture panel (on-target + off-target reads) over a 2.5 Mb
chr3 stretch around CRBN and background windows on six other autosomes.

Why more sequence: the alignment windows of the other scenarios lie near the genes, so no deletion could extend "well
past the gene" and no genome-wide normalisation could be tested. The shared reference (crbn_world.GRCh38.fa.gz) is
therefore written from ``CnReference``: every alignment window verbatim plus chr3:2,000,001-4,500,000 (around the
CRBN window) and six 250-kb background windows on other autosomes. Same contigs and lengths, so every @SQ line and
every other BAM stay as they were.

Reads are placed directly at their simulated origin (single-end 100 bp, CIGAR 100M, MAPQ 60, 0.2 % substitution
errors, one quality value): copy number is read depth, and on unique synthetic sequence an aligner adds nothing but
time. Each sample is one person with germline SNP genotypes at the backbone sites; a tumour is a mixture of normal
cells (two haplotypes) and tumour cells whose haplotype copies change over the designed segments.
"""
from __future__ import annotations

import math
import os
import random
import subprocess

from .genome import CONTIGS, CRBN, SEED, Window
from .panel import crbn_targets
from .reference import ReferenceBuilder, _filler
from .truth import write_json

REF_REL = "reference/crbn_world.GRCh38.fa.gz"
BED_REL = "reference/cn_hybrid_targets.bed"
DIR_REL = "dna/copy_number_hybrid"
READ_LEN = 100
ON_TARGET_DEPTH = 200.0   # diploid per-base depth over targets: a modest clinical panel (at 40x the Poisson noise of a
                          # 1-Mb segment alone is ~0.03 log2, so no method holds |log2 error| <= 0.05; bench/cnv/replicates.md)
OFF_TARGET_DEPTH = 0.15   # diploid per-base depth elsewhere (reads that escaped the capture)
ERROR_RATE = 0.002
QUAL = "F" * READ_LEN     # Q37

CHR3_STRETCH = Window("chr3", 2_000_001, 4_500_000)
BACKGROUND = [Window("chr1", 50_000_001, 50_250_000), Window("chr6", 100_000_001, 100_250_000),
              Window("chr7", 20_000_001, 20_250_000), Window("chr8", 60_000_001, 60_250_000),
              Window("chr17", 60_000_001, 60_250_000), Window("chr19", 30_000_001, 30_250_000)]

#: Designed segments (1-based, inclusive).
DEL_3P = (2_400_001, 4_000_000)        # one-copy loss, 1.6 Mb, far past any window near CRBN
CNLOH_3P = (2_300_001, 4_100_000)      # copy-neutral LOH
GAIN_3P = (2_700_001, 3_700_000)       # one extra copy
FOCAL_E10_11 = (3_149_501, 3_152_700)  # exons 10-11: both copies lost (CNH_FOCAL_E10_11), one (CNH_PARTIAL_E10_11)


class CnReference:
    """The shared windows plus the chr3 stretch and background windows."""

    def __init__(self, rb: ReferenceBuilder) -> None:
        shared = rb.window_strings()
        old = {w.name: w for w in rb.windows}
        wins: list[Window] = []
        seq: dict[str, str] = {}
        chr3_old = [w for w in rb.windows if w.chrom == "chr3"]
        for w in rb.windows:
            if w.chrom != "chr3":
                wins.append(w)
                seq[w.name] = shared[w.name]
        rng = random.Random(f"{SEED}:cn:chr3")
        s = _filler(rng, CHR3_STRETCH.length)
        for w in chr3_old:  # the shared CRBN window verbatim
            assert CHR3_STRETCH.start <= w.start and w.end <= CHR3_STRETCH.end
            a = w.start - CHR3_STRETCH.start
            s[a:a + w.length] = list(shared[w.name])
        wins.append(CHR3_STRETCH)
        seq[CHR3_STRETCH.name] = "".join(s)
        for w in BACKGROUND:
            assert not any(o.chrom == w.chrom and o.start <= w.end and w.start <= o.end for o in old.values())
            wins.append(w)
            seq[w.name] = "".join(_filler(random.Random(f"{SEED}:cn:{w.name}"), w.length))
        order = {c: i for i, (c, _) in enumerate(CONTIGS)}
        wins.sort(key=lambda w: (order[w.chrom], w.start))
        self.windows = wins
        self._seq = seq

    def window_strings(self) -> dict[str, str]:
        return self._seq

    def base(self, chrom: str, pos: int) -> str:
        for w in self.windows:
            if w.contains(chrom, pos):
                return self._seq[w.name][pos - w.start]
        raise KeyError(f"{chrom}:{pos}")

    def fetch(self, w: Window, start: int, end: int) -> str:
        return self._seq[w.name][start - w.start:end - w.start + 1]


def backbone_targets() -> list[tuple[str, int, int, str]]:
    """300-bp SNP backbone targets: every 100 kb on the chr3 stretch (none within 20 kb of CRBN), every 50 kb in the
    background windows."""
    out = []
    lo, hi = CRBN.span
    for start in range(CHR3_STRETCH.start + 50_000, CHR3_STRETCH.end, 100_000):
        if start + 299 < lo - 20_000 or start > hi + 20_000:
            out.append(("chr3", start, start + 299, f"SNP_chr3_{start}"))
    for w in BACKGROUND:
        for start in range(w.start + 25_000, w.end, 50_000):
            out.append((w.chrom, start, start + 299, f"SNP_{w.chrom}_{start}"))
    return out


def hybrid_targets() -> list[tuple[str, int, int, str]]:
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    return sorted(crbn_targets() + backbone_targets(), key=lambda t: (order[t[0]], t[1]))


def snp_sites(ref: CnReference) -> list[tuple[str, int, str, str]]:
    """Two biallelic germline SNP sites per backbone target (offsets 100 and 200); alt allele fixed per site."""
    out = []
    for c, s, _, name in backbone_targets():
        for off in (100, 200):
            pos = s + off
            r = ref.base(c, pos)
            alt = random.Random(f"{SEED}:cn:alt:{c}:{pos}").choice([b for b in "ACGT" if b != r])
            out.append((c, pos, r, alt))
    return out


class Person:
    """Germline genotypes (haplotype A allele, haplotype B allele) at every SNP site: het with probability 0.5."""

    def __init__(self, name: str, sites: list[tuple[str, int, str, str]]) -> None:
        rng = random.Random(f"{SEED}:cn:person:{name}")
        self.alleles: dict[tuple[str, int], tuple[str, str]] = {}
        for c, p, r, a in sites:
            u = rng.random()
            self.alleles[(c, p)] = (r, a) if u < 0.25 else (a, r) if u < 0.5 else (r, r) if u < 0.75 else (a, a)


class Design:
    """Tumour cells' copies of haplotypes A and B over segments; outside every segment A=1, B=1."""

    def __init__(self, sample: str, person: str, purity: float, events: list[tuple[int, int, int, int]],
                 scale: float = 1.0, gc_beta: float = 0.0, wiggle: float = 0.0, truth: dict | None = None) -> None:
        self.sample, self.person, self.purity, self.events = sample, person, purity, events
        self.scale, self.gc_beta, self.wiggle, self.truth = scale, gc_beta, wiggle, truth or {}

    def tumour_copies(self, chrom: str, pos: int) -> tuple[int, int]:
        if chrom == "chr3":
            for a, b, ca, cb in self.events:
                if a <= pos <= b:
                    return ca, cb
        return 1, 1


def tumour_truth(purity: float, state: str, seg: str, copies: int, minor: int) -> dict:
    """A tumour's design over CRBN: depth ratio (pC + 2(1-p))/2 and minor-allele fraction (pm + (1-p))/(pC + 2(1-p))."""
    log2 = math.log2((purity * copies + 2 * (1 - purity)) / 2)
    baf = (purity * minor + (1 - purity)) / (purity * copies + 2 * (1 - purity)) if copies > 0 else 0.5
    return {"role": "tumor", "purity": purity, "state": state, "segment": seg, "tumor_copies": copies,
            "tumor_minor_copies": minor, "expected_crbn_log2": round(log2, 4),
            "expected_minor_baf": round(baf, 4), "loh": minor == 0 and copies > 0}


def _sources(ref: CnReference) -> list[tuple[Window, int, int, float]]:
    """(window, first start, last start, diploid depth) read-start intervals: off-target everywhere, on-target over
    each target (starts from target start - 99 so the depth is flat over the target)."""
    out = []
    for w in ref.windows:
        out.append((w, w.start, w.end - READ_LEN + 1, OFF_TARGET_DEPTH))
    for c, s, e, _ in hybrid_targets():
        w = next(x for x in ref.windows if x.contains(c, s))
        out.append((w, max(w.start, s - READ_LEN + 1), min(e, w.end - READ_LEN + 1), ON_TARGET_DEPTH))
    return out


def simulate(d: Design, ref: CnReference, people: dict[str, Person], sam_path: str) -> dict[str, int]:
    rng = random.Random(f"{SEED}:cn:reads:{d.sample}")
    person = people[d.person]
    p = d.purity
    serial = 0
    made: dict[str, int] = {}
    wiggle: dict[tuple[str, int], float] = {}
    lines: list[tuple[int, int, str]] = []
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    snps_by_window: dict[str, list[tuple[int, str, str]]] = {}
    for (c, pos), (a, b) in person.alleles.items():
        for w in ref.windows:
            if w.contains(c, pos):
                snps_by_window.setdefault(w.name, []).append((pos, a, b))
    gc_cap = math.exp(abs(d.gc_beta) * 0.12)
    for w, first, last, depth in _sources(ref):
        if last < first:
            continue
        n_starts = last - first + 1
        snps = sorted(snps_by_window.get(w.name, []))
        # Reads are drawn piecewise per 10 kb so that the haplotype copies follow the segments.
        for seg0 in range(first, last + 1, 10_000):
            seg1 = min(last, seg0 + 9_999)
            mid = (seg0 + seg1) // 2
            ta, tb = d.tumour_copies(w.chrom, mid)
            shares = {"A": (1 - p) + p * ta, "B": (1 - p) + p * tb}
            if d.wiggle > 0:
                key = (w.chrom, mid // 50_000)
                if key not in wiggle:
                    wiggle[key] = math.exp(rng.gauss(0, d.wiggle))
                factor = wiggle[key]
            else:
                factor = 1.0
            for hap, share in shares.items():
                lam = depth * d.scale * factor * share / 2 * (seg1 - seg0 + 1) / READ_LEN * gc_cap
                n = _poisson(rng, lam)
                for _ in range(n):
                    start = rng.randint(seg0, seg1)
                    s = ref.fetch(w, start, start + READ_LEN - 1)
                    if d.gc_beta:
                        gc = (s.count("G") + s.count("C")) / READ_LEN
                        if rng.random() > min(1.0, math.exp(d.gc_beta * (gc - 0.42)) / gc_cap):
                            continue
                    seq = list(s)
                    for pos, a, b in snps:
                        if start <= pos < start + READ_LEN:
                            seq[pos - start] = a if hap == "A" else b
                    for i in range(READ_LEN):
                        if rng.random() < ERROR_RATE:
                            seq[i] = rng.choice([x for x in "ACGT" if x != seq[i]])
                    serial += 1
                    flag = 16 if rng.random() < 0.5 else 0
                    name = f"hap{hap}_{serial:06d}"
                    made[hap] = made.get(hap, 0) + 1
                    lines.append((order[w.chrom], start,
                                  f"{name}\t{flag}\t{w.chrom}\t{start}\t60\t{READ_LEN}M\t*\t0\t0\t{''.join(seq)}\t{QUAL}"
                                  f"\tRG:Z:{d.sample}.L1"))
    lines.sort(key=lambda t: (t[0], t[1], t[2]))
    with open(sam_path, "w") as fh:
        fh.write("@HD\tVN:1.6\tSO:coordinate\n")
        for c, n in CONTIGS:
            fh.write(f"@SQ\tSN:{c}\tLN:{n}\n")
        fh.write(f"@RG\tID:{d.sample}.L1\tSM:{d.sample}\tPL:ILLUMINA\tLB:{d.sample}.lib\n")
        fh.write("@PG\tID:crbn-testdata-cn\tPN:sim.cn_hybrid\tVN:1\tCL:python3 -m sim.build (cn_hybrid)\n")
        fh.write(f"@CO\tSYNTHETIC copy-number test data (sim/cn_hybrid.py); sample {d.sample}; not a real patient\n")
        for _, _, line in lines:
            fh.write(line + "\n")
    return made


def _poisson(rng: random.Random, lam: float) -> int:
    if lam < 30:
        limit, k, prod = math.exp(-lam), 0, rng.random()
        while prod > limit:
            k += 1
            prod *= rng.random()
        return k
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


def designs() -> list[Design]:
    out = []
    for i, (scale, beta) in enumerate(((1.0, 0.5), (0.8, -0.5), (1.2, 1.0), (0.9, 0.0)), start=1):
        out.append(Design(f"CNH_N{i}", f"normal{i}", 0.0, [], scale, beta,
                          truth={"role": "panel_of_normals", "state": "neutral"}))
    out.append(Design("CNH_N5_NOISY", "normal5", 0.0, [], 1.0, -5.0, wiggle=0.25,
                      truth={"role": "panel_of_normals", "state": "neutral",
                             "note": "outlier normal: strong GC bias (beta -5) and 25 % per-50-kb depth wiggle"}))

    def tumour(sample: str, purity: float, events, state: str, seg, copies: int, minor: int, extra=None,
               beta: float = 0.3) -> Design:
        t = tumour_truth(purity, state, seg, copies, minor)
        t.update(extra or {})
        return Design(sample, f"patient_{sample}", purity, events, 1.0, beta, truth=t)

    seg = lambda a, b: f"chr3:{a}-{b}"  # noqa: E731
    for name, p in (("CNH_DEL3P_P40", 0.4), ("CNH_DEL3P_P30", 0.3), ("CNH_DEL3P_P25", 0.25)):
        out.append(tumour(name, p, [(DEL_3P[0], DEL_3P[1], 1, 0)], "hemizygous_loss", seg(*DEL_3P), 1, 0,
                          {"exons_affected": list(range(1, 12))}))
    out.append(tumour("CNH_CNLOH", 0.6, [(CNLOH_3P[0], CNLOH_3P[1], 2, 0)], "copy_neutral_loh", seg(*CNLOH_3P), 2, 0,
                      {"exons_affected": []}))
    out.append(tumour("CNH_FOCAL_E10_11", 0.8, [(FOCAL_E10_11[0], FOCAL_E10_11[1], 0, 0)], "homozygous_loss",
                      seg(*FOCAL_E10_11), 0, 0, {"exons_affected": [10, 11]}))
    out.append(tumour("CNH_PARTIAL_E10_11", 0.8, [(FOCAL_E10_11[0], FOCAL_E10_11[1], 1, 0)], "partial_loss",
                      seg(*FOCAL_E10_11), 1, 0, {"exons_affected": [10, 11]}))
    out.append(tumour("CNH_GAIN", 0.5, [(GAIN_3P[0], GAIN_3P[1], 2, 1)], "gain", seg(*GAIN_3P), 3, 1,
                      {"exons_affected": list(range(1, 12))}))
    out.append(tumour("CNH_GC_BIAS", 0.7, [], "neutral", "", 2, 1, {"exons_affected": [],
                      "note": "copy-neutral tumour with strong GC bias (beta +5)"}, beta=5.0))
    return out


def build(wd, rb: ReferenceBuilder, log) -> None:
    """Writes the BED, the BAMs (+ CSI) and truth.json of the hybrid copy-number scenario (the reference FASTA,
    written by build.py from CnReference, already holds the sequence)."""
    ref = CnReference(rb)
    with open(wd.path(BED_REL), "w") as fh:
        for c, s, e, name in hybrid_targets():
            fh.write(f"{c}\t{s - 1}\t{e}\t{name}\n")
    sites = snp_sites(ref)
    ds = designs()
    people = {d.person: Person(d.person, sites) for d in ds}
    samples = []
    work = os.path.join(wd.work, "cn_hybrid")
    os.makedirs(work, exist_ok=True)
    for d in ds:
        sam = os.path.join(work, d.sample + ".sam")
        made = simulate(d, ref, people, sam)
        bam = wd.path(f"{DIR_REL}/{d.sample}.bam")
        subprocess.run(["samtools", "view", "--no-PG", "-b", "-o", bam, sam], check=True)
        subprocess.run(["samtools", "index", "-c", bam], check=True)
        os.remove(sam)
        het = [{"chrom": c, "pos": pos, "ref": r, "alt": a, "haplotype_a": people[d.person].alleles[(c, pos)][0],
                "haplotype_b": people[d.person].alleles[(c, pos)][1]}
               for c, pos, r, a in sites if len(set(people[d.person].alleles[(c, pos)])) == 2]
        samples.append({"sample": d.sample, "bam": f"{DIR_REL}/{d.sample}.bam", "person": d.person,
                        "purity": d.purity, "depth_scale": d.scale, "gc_beta": d.gc_beta, "wiggle": d.wiggle,
                        "tumour_events": [{"segment": f"chr3:{a}-{b}", "copies_a": ca, "copies_b": cb}
                                          for a, b, ca, cb in d.events],
                        "reads_by_haplotype": made, "het_snps": het, **d.truth})
        log(f"{d.sample}: {sum(made.values())} reads")
    write_json(wd.path(f"{DIR_REL}/truth.json"), {
        "scenario": "copy_number_hybrid", "synthetic": True,
        "reference": REF_REL, "targets": BED_REL,
        "kind": f"DNA hybrid capture: targets ({BED_REL}: CRBN exons +-150, 300-bp SNP backbone) at "
                f"{ON_TARGET_DEPTH:g}x and off-target reads at {OFF_TARGET_DEPTH:g}x over every sequence window; "
                "single-end 100 bp placed at their origin; a tumour at purity p with C tumour copies has depth "
                "ratio (pC + 2(1-p))/2 and minor-allele fraction (p m + (1-p))/(pC + 2(1-p))",
        "windows": [{"chrom": w.chrom, "start": w.start, "end": w.end} for w in ref.windows],
        "samples": samples})
    wd.manifest.append(("reference", "-", "reference", "reference", BED_REL, "", "",
                        "hybrid capture BED: CRBN exons +-150 and 300-bp SNP backbone targets"))
    wd.add("copy_number_hybrid", "dna", ";".join(f"{DIR_REL}/{d.sample}.bam" for d in ds),
           "hybrid capture CN: 3p deletion 1.6 Mb at purity 0.4/0.3/0.25, CN-LOH, exon 10-11 loss of both copies and of one, gain, GC bias, noisy normal")
