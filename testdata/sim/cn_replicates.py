"""SYNTHETIC replicates of the hybrid copy-number tumours (never committed; bench/cnv/replicates.sh): the same design
as a committed dna/copy_number_hybrid sample (events, purity, GC bias) drawn with other seeds and another person's
SNP genotypes, so the spread of an estimate over replicates shows how much of a committed sample's error is
sampling noise.

Usage (from testdata/):  python3 -m sim.cn_replicates OUT_DIR N SAMPLE [SAMPLE ...]
Writes OUT_DIR/SAMPLE_R1..RN.bam (+ .csi) and OUT_DIR/truth.json (each replicate with its design's truth).
"""
from __future__ import annotations

import os
import subprocess
import sys

from .cn_hybrid import CnReference, Design, Person, designs, simulate, snp_sites
from .reference import ReferenceBuilder
from .truth import write_json


def main(argv: list[str]) -> int:
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    out, n, names = argv[1], int(argv[2]), argv[3:]
    os.makedirs(out, exist_ok=True)
    rb = ReferenceBuilder()
    rb.build()
    ref = CnReference(rb)
    sites = snp_sites(ref)
    base = {d.sample: d for d in designs()}
    missing = [s for s in names if s not in base]
    if missing:
        print(f"sim.cn_replicates: unknown sample(s) {', '.join(missing)}", file=sys.stderr)
        return 2
    samples = []
    for name in names:
        d0 = base[name]
        for r in range(1, n + 1):
            d = Design(f"{name}_R{r}", f"{d0.person}_R{r}", d0.purity, d0.events, d0.scale, d0.gc_beta, d0.wiggle, d0.truth)
            sam = os.path.join(out, d.sample + ".sam")
            bam = os.path.join(out, d.sample + ".bam")
            simulate(d, ref, {d.person: Person(d.person, sites)}, sam)
            subprocess.run(["samtools", "view", "--no-PG", "-b", "-o", bam, sam], check=True)
            subprocess.run(["samtools", "index", "-c", bam], check=True)
            os.remove(sam)
            samples.append({"sample": d.sample, "design": name, **d.truth})
    write_json(os.path.join(out, "truth.json"), {"scenario": "copy_number_hybrid_replicates", "synthetic": True,
                                                 "samples": samples})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
