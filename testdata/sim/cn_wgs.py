"""SYNTHETIC whole-genome copy-number BAMs, generated on demand (never committed): used by bench/cnv/run.sh and by the
copy-number WGS tests (tests/CrbnVariantCaller.Calling.Tests/CopyNumber/WgsCopyNumberWorld.cs), which write them into
a temporary folder.

Reads cover every sequence window of the copy-number world (sim/cn_hybrid.py: chr3 2.0-4.5 Mb around CRBN, six
background windows, the alignment windows of the other scenarios) at a flat depth: single-end 100 bp placed at their
origin (CIGAR 100M, MAPQ 60, no aligner: copy number is depth and the synthetic sequence is unique), the person's SNP
alleles per haplotype, one substitution in 20 % of reads (0.2 % per base). A tumour mixes normal cells (two
haplotypes) with tumour cells whose haplotype copies change over the designed segments; read counts follow the
copies per 10 kb.

Cost: a read's SNPs are found by bisection in the window's sorted SNP positions (O(log SNPs) a read, not a scan of
every SNP of the window), reads are drawn sorted per 10-kb piece (no global sort) and streamed into `samtools view -1`.

Usage (from testdata/):  python3 -m sim.cn_wgs [-j JOBS] OUT_DIR DEPTH [SAMPLE ...]
Writes OUT_DIR/SAMPLE.bam (+ .csi) for the samples named (default: all), JOBS samples at a time (default 1), and
OUT_DIR/truth.json (every design).
"""
from __future__ import annotations

import bisect
import math
import os
import random
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

from .cn_hybrid import CNLOH_3P, DEL_3P, READ_LEN, CnReference, Design, Person, snp_sites, tumour_truth
from .genome import CONTIGS, SEED
from .reference import ReferenceBuilder
from .truth import write_json

#: One substitution in this share of reads (0.2 % per base at 100 bp).
ERROR_READS = 0.2
QUAL = "F" * READ_LEN  # Q37
PIECE = 10_000         # read counts follow the tumour's copies per piece


def designs() -> list[Design]:
    """Four normals; one-copy loss of the 1.6-Mb 3p segment at purity 0.4 and 0.3; copy-neutral LOH of the 1.8-Mb
    segment at 0.6; a neutral tumour at 0.6."""
    out = [Design(f"WGS_N{i}", f"wgs_normal{i}", 0.0, [], truth={"role": "panel_of_normals", "state": "neutral"})
           for i in range(1, 5)]

    def tumour(sample: str, person: str, purity: float, events, state: str, seg: str, copies: int, minor: int) -> Design:
        return Design(sample, person, purity, events, truth=tumour_truth(purity, state, seg, copies, minor))

    seg = lambda a, b: f"chr3:{a}-{b}"  # noqa: E731
    out.append(tumour("WGS_DEL3P_P40", "wgs_p40", 0.4, [(DEL_3P[0], DEL_3P[1], 1, 0)], "hemizygous_loss", seg(*DEL_3P), 1, 0))
    out.append(tumour("WGS_DEL3P_P30", "wgs_p30", 0.3, [(DEL_3P[0], DEL_3P[1], 1, 0)], "hemizygous_loss", seg(*DEL_3P), 1, 0))
    out.append(tumour("WGS_CNLOH", "wgs_cnloh", 0.6, [(CNLOH_3P[0], CNLOH_3P[1], 2, 0)], "copy_neutral_loh", seg(*CNLOH_3P), 2, 0))
    out.append(tumour("WGS_NEUTRAL", "wgs_neutral", 0.6, [], "neutral", "", 2, 1))
    return out


def simulate(d: Design, ref: CnReference, person: Person, depth: float, bam: str) -> int:
    """Streams the sample's reads, coordinate-sorted, into a BAM (fast compression) and indexes it (CSI)."""
    rng = random.Random(f"{SEED}:wgs:{d.sample}")
    rnd, gauss = rng.random, rng.gauss
    snps: dict[str, list[tuple[int, str, str]]] = {}
    for (c, pos), (a, b) in person.alleles.items():
        for w in ref.windows:
            if w.contains(c, pos):
                snps.setdefault(w.name, []).append((pos, a, b))
    proc = subprocess.Popen(["samtools", "view", "--no-PG", "-1", "-b", "-o", bam, "-"], stdin=subprocess.PIPE, text=True,
                            bufsize=1 << 20)
    out = proc.stdin
    assert out is not None
    out.write("@HD\tVN:1.6\tSO:coordinate\n")
    out.writelines(f"@SQ\tSN:{c}\tLN:{n}\n" for c, n in CONTIGS)
    out.write(f"@RG\tID:{d.sample}\tSM:{d.sample}\n@CO\tSYNTHETIC copy-number WGS sample {d.sample} (sim/cn_wgs.py); "
              "not a real patient\n")
    serial = 0
    for w in ref.windows:
        seq = ref.window_strings()[w.name]
        wsnps = sorted(snps.get(w.name, []))
        positions = [p for p, _, _ in wsnps]
        last_start = w.end - READ_LEN + 1
        for seg0 in range(w.start, last_start + 1, PIECE):
            seg1 = min(last_start, seg0 + PIECE - 1)
            span = seg1 - seg0 + 1
            ta, tb = d.tumour_copies(w.chrom, (seg0 + seg1) // 2)
            reads: list[tuple[int, int]] = []
            for hap, share in ((0, (1 - d.purity) + d.purity * ta), (1, (1 - d.purity) + d.purity * tb)):
                lam = depth * share / 2 * span / READ_LEN
                n = max(0, int(round(gauss(lam, math.sqrt(lam))))) if lam > 0 else 0
                reads.extend((seg0 + int(rnd() * span), hap) for _ in range(n))
            reads.sort()
            lines = []
            for start, hap in reads:
                o = start - w.start
                read = seq[o:o + READ_LEN]
                i = bisect.bisect_left(positions, start)
                mutable = None
                while i < len(positions) and positions[i] < start + READ_LEN:
                    mutable = mutable or list(read)
                    mutable[positions[i] - start] = wsnps[i][1 + hap]
                    i += 1
                if rnd() < ERROR_READS:
                    mutable = mutable or list(read)
                    k = int(rnd() * READ_LEN)
                    mutable[k] = "ACGT".replace(mutable[k], "")[int(rnd() * 3)]
                if mutable is not None:
                    read = "".join(mutable)
                serial += 1
                lines.append(f"hap{'AB'[hap]}_{serial:08d}\t{16 if rnd() < 0.5 else 0}\t{w.chrom}\t{start}\t60\t"
                             f"{READ_LEN}M\t*\t0\t0\t{read}\t{QUAL}\tRG:Z:{d.sample}\n")
            out.writelines(lines)
    out.close()
    if proc.wait() != 0:
        raise RuntimeError(f"samtools view failed writing {bam}")
    subprocess.run(["samtools", "index", "-c", bam], check=True)
    return serial


def _one(job: tuple[Design, CnReference, Person, float, str]) -> str:
    d, ref, person, depth, bam = job
    return f"{d.sample}: {simulate(d, ref, person, depth, bam)} reads"


def main(argv: list[str]) -> int:
    args = argv[1:]
    jobs = 1
    if args[:1] == ["-j"] and len(args) > 1:
        jobs, args = int(args[1]), args[2:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, depth, wanted = args[0], float(args[1]), set(args[2:])
    os.makedirs(out, exist_ok=True)
    rb = ReferenceBuilder()
    rb.build()
    ref = CnReference(rb)
    sites = snp_sites(ref)
    ds = designs()
    unknown = wanted - {d.sample for d in ds}
    if unknown:
        print(f"sim.cn_wgs: unknown sample(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    write_json(os.path.join(out, "truth.json"), {
        "scenario": "copy_number_wgs", "synthetic": True, "depth": depth,
        "kind": f"DNA whole genome at {depth:g}x over every sequence window, single-end 100 bp placed at their origin",
        "samples": [{"sample": d.sample, "person": d.person, "purity": d.purity,
                     "tumour_events": [{"segment": f"chr3:{a}-{b}", "copies_a": ca, "copies_b": cb}
                                       for a, b, ca, cb in d.events], **d.truth} for d in ds]})
    work = [(d, ref, Person(d.person, sites), depth, os.path.join(out, d.sample + ".bam"))
            for d in ds if not wanted or d.sample in wanted]
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        for line in pool.map(_one, work):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
