"""Large benchmark BAM: the 60x tumour haplotype mixture over the whole CRBN window at high depth.
Usage: python3 -m sim.large OUT.bam WORK DEPTH"""
from __future__ import annotations

import os
import sys

from .build import World, build_reference, log
from .dna import Component, DnaDesign, align_dna, simulate_reads
from .genome import CRBN_WINDOW
from .variants import CrbnDesigner, Haplotype


def main(argv: list[str]) -> int:
    out_bam, work, depth = os.path.abspath(argv[1]), argv[2], float(argv[3])
    wd = World(os.path.join(work, "out"), os.path.join(work, "work"))
    rb, g = build_reference(wd)
    dz = CrbnDesigner(g)
    germ = [dz.snv("E200E", 600, "G"), dz.intronic_snv("INTRON3", 3_173_501, "G" if g.base("chr3", 3_173_501) != "G" else "A")]
    comps = [Component(Haplotype("alt_R419X", [dz.snv("R419X", 1255, "T")]), 0.30),
             Component(Haplotype("alt_E140K", [dz.snv("E140K", 418, "A")]), 0.08),
             Component(Haplotype("hapM"), 0.12),
             Component(Haplotype("alt_H353R", germ + [dz.snv("H353R", 1058, "G")]), 0.15),
             Component(Haplotype("alt_DEL2", germ + [dz.deletion("DEL2", 450, 2)]), 0.20),
             Component(Haplotype("hapP", list(germ)), 0.15)]
    region = [(CRBN_WINDOW.chrom, CRBN_WINDOW.start + 1000, CRBN_WINDOW.end - 1000)]
    d = DnaDesign("LARGE_TUMOR", comps, region, depth, 350, 35)
    d.bin_quals = False  # type: ignore[attr-defined]
    r1, r2, pairs = simulate_reads(d, g, os.path.join(work, "reads"))
    log(f"simulated {sum(pairs.values())} pairs; aligning")
    align_dna(d, r1, r2, wd.index_dir, g.windows, out_bam, threads=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
