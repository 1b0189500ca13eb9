"""DNA scenarios: dwgsim reads from haplotype mixtures, bwa mem to the windows, lifted to GRCh38 contigs."""
from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
from dataclasses import dataclass

from .genome import Window
from .lift import align_lift_sort
from .variants import GenomeSeq, Haplotype

READ_LEN = 100

#: dwgsim qualities are binned to the four NovaSeq (RTA3) levels Q2/Q12/Q23/Q37, which keeps BAMs small.
_QBIN = str.maketrans({chr(33 + q): chr(33 + (2 if q < 3 else 12 if q < 20 else 23 if q < 30 else 37))
                       for q in range(0, 94)})


def bin_qualities(q: str) -> str:
    return q.translate(_QBIN)


def seed_of(label: str) -> int:
    return int(hashlib.sha256(label.encode()).hexdigest()[:7], 16)


@dataclass
class Component:
    """A haplotype and its share of the diploid-equivalent depth (shares of one sample sum to 1 in the flanks)."""
    haplotype: Haplotype
    share: float


@dataclass
class DnaDesign:
    sample: str
    components: list[Component]
    regions: list[tuple[str, int, int]]   # reference coordinates of the simulated stretches (fragments stay inside)
    depth: float                          # flat diploid depth inside the regions
    frag_mean: int = 250
    frag_sd: int = 25


def _write_fasta(path: str, name: str, seq: str) -> None:
    with open(path, "w") as fh:
        fh.write(f">{name}\n")
        for i in range(0, len(seq), 60):
            fh.write(seq[i:i + 60] + "\n")


def simulate_reads(d: DnaDesign, g: GenomeSeq, work: str) -> tuple[str, str, dict[str, int]]:
    """Writes R1/R2 FASTQ for the design; read names are HAPLOTYPE_NNNNNN. Returns paths and pairs per haplotype."""
    os.makedirs(work, exist_ok=True)
    r1_path, r2_path = os.path.join(work, "r1.fq"), os.path.join(work, "r2.fq")
    pairs: dict[str, int] = {}
    with open(r1_path, "w") as r1, open(r2_path, "w") as r2:
        for comp in d.components:
            hap = comp.haplotype
            counter = 0
            cache: dict[str, tuple[str, object]] = {}
            for k, (chrom, a, b) in enumerate(d.regions):
                w: Window = g.window(chrom, a)
                if w.name not in cache:
                    cache[w.name] = hap.window_sequence(g, w)
                hseq, cmap = cache[w.name]
                lo, hi = cmap.offset(a), cmap.offset(b)
                sub = hseq[lo:hi + 1]
                n = round(d.depth * comp.share * (len(sub) - d.frag_mean + 1) / (2 * READ_LEN))
                if n <= 0:
                    continue
                fa = os.path.join(work, "contig.fa")
                _write_fasta(fa, f"r{k}", sub)
                prefix = os.path.join(work, "dw")
                seed = seed_of(f"{d.sample}:{hap.name}:{k}")
                subprocess.run(["dwgsim", "-z", str(seed), "-r", "0", "-R", "0", "-y", "0", "-n", "0", "-H",
                                "-e", "0.001-0.004", "-E", "0.001-0.006", "-1", str(READ_LEN), "-2", str(READ_LEN),
                                "-d", str(d.frag_mean), "-s", str(d.frag_sd), "-N", str(n), "-o", "1", fa, prefix],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                with gzip.open(prefix + ".bwa.read1.fastq.gz", "rt") as f1, \
                        gzip.open(prefix + ".bwa.read2.fastq.gz", "rt") as f2:
                    l1, l2 = f1.read().split("\n"), f2.read().split("\n")
                qb = bin_qualities if getattr(d, "bin_quals", True) else (lambda q: q)
                for i in range(0, len(l1) - 3, 4):
                    counter += 1
                    name = f"@{hap.name}_{counter:06d}"
                    r1.write(f"{name}\n{l1[i + 1]}\n+\n{qb(l1[i + 3])}\n")
                    r2.write(f"{name}\n{l2[i + 1]}\n+\n{qb(l2[i + 3])}\n")
            pairs[hap.name] = counter
    return r1_path, r2_path, pairs


def align_dna(d: DnaDesign, r1: str, r2: str, index_dir: str, wins: list[Window], out_bam: str,
              threads: int = 1) -> None:
    """bwa mem (-K fixed, so output does not depend on threads) against the windows (run inside index_dir with relative names), then lift and sort."""
    rg = f"@RG\\tID:{d.sample}.L1\\tSM:{d.sample}\\tLB:{d.sample}.lib1\\tPL:ILLUMINA"
    cmd = ["bwa", "mem", "-t", str(threads), "-K", "10000000", "-v", "1", "-R", rg, "windows.fa",
           os.path.relpath(r1, index_dir), os.path.relpath(r2, index_dir)]
    pg = f"@PG\tID:bwa\tPN:bwa\tVN:0.7.17-r1188\tCL:bwa mem -t {threads} -K 10000000 -R <RG> windows.fa R1.fq R2.fq"
    comments = [f"SYNTHETIC data from the crbn test world (testdata/build.sh); reads simulated with dwgsim, "
                f"aligned to sequence windows and lifted to GRCh38 coordinates; read name = haplotype_serial"]
    align_lift_sort(cmd, index_dir, out_bam, wins, pg, comments)
