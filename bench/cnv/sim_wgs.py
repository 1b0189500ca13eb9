"""SYNTHETIC whole-genome copy-number BAMs for bench/cnv (never committed): reads over every sequence window of the
copy-number world (sim/cn_hybrid.py: chr3 2.0-4.5 Mb, background windows) at a flat depth, single-end 100 bp
placed at their origin, SNP alleles of the person, 0.2 % substitution errors.
Usage: python3 sim_wgs.py OUT_DIR DEPTH"""
from __future__ import annotations

import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "testdata"))

from sim.cn_hybrid import (DEL_3P, CnReference, Design, Person, READ_LEN, snp_sites)  # noqa: E402
from sim.genome import CONTIGS, SEED  # noqa: E402
from sim.reference import ReferenceBuilder  # noqa: E402


def simulate(d: Design, ref: CnReference, person: Person, depth: float, sam: str) -> int:
    rng = random.Random(f"{SEED}:wgs:{d.sample}")
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    snps: dict[str, list[tuple[int, str, str]]] = {}
    for (c, pos), (a, b) in person.alleles.items():
        for w in ref.windows:
            if w.contains(c, pos):
                snps.setdefault(w.name, []).append((pos, a, b))
    out = []
    for w in ref.windows:
        s_all = ref.window_strings()[w.name]
        wsnps = sorted(snps.get(w.name, []))
        for seg0 in range(w.start, w.end - READ_LEN + 2, 10_000):
            seg1 = min(w.end - READ_LEN + 1, seg0 + 9_999)
            ta, tb = d.tumour_copies(w.chrom, (seg0 + seg1) // 2)
            for hap, share in (("A", (1 - d.purity) + d.purity * ta), ("B", (1 - d.purity) + d.purity * tb)):
                lam = depth * share / 2 * (seg1 - seg0 + 1) / READ_LEN
                n = max(0, int(round(rng.gauss(lam, math.sqrt(lam))))) if lam > 0 else 0
                for _ in range(n):
                    start = rng.randint(seg0, seg1)
                    seq = list(s_all[start - w.start:start - w.start + READ_LEN])
                    for pos, a, b in wsnps:
                        if start <= pos < start + READ_LEN:
                            seq[pos - start] = a if hap == "A" else b
                    for _ in range(int(rng.random() < ERR)):
                        i = rng.randrange(READ_LEN)
                        seq[i] = rng.choice([x for x in "ACGT" if x != seq[i]])
                    out.append((order[w.chrom], start, f"hap{hap}_{len(out):08d}\t{16 if rng.random() < 0.5 else 0}\t{w.chrom}\t{start}\t60\t100M\t*\t0\t0\t{''.join(seq)}\t{'F' * READ_LEN}\tRG:Z:{d.sample}"))
    out.sort(key=lambda t: (t[0], t[1]))
    with open(sam, "w") as fh:
        fh.write("@HD\tVN:1.6\tSO:coordinate\n")
        for c, n in CONTIGS:
            fh.write(f"@SQ\tSN:{c}\tLN:{n}\n")
        fh.write(f"@RG\tID:{d.sample}\tSM:{d.sample}\n@CO\tSYNTHETIC bench/cnv WGS sample {d.sample}\n")
        fh.writelines(line + "\n" for _, _, line in out)
    return len(out)


ERR = 0.2  # one substitution in 20 % of reads (0.2 % per base)


def main() -> None:
    out, depth = sys.argv[1], float(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    rb = ReferenceBuilder()
    rb.build()
    ref = CnReference(rb)
    sites = snp_sites(ref)
    designs = [Design(f"WGS_N{i}", f"wgs_normal{i}", 0.0, []) for i in range(1, 5)]
    designs += [Design("WGS_DEL3P_P40", "wgs_p40", 0.4, [(DEL_3P[0], DEL_3P[1], 1, 0)]),
                Design("WGS_DEL3P_P30", "wgs_p30", 0.3, [(DEL_3P[0], DEL_3P[1], 1, 0)]),
                Design("WGS_NEUTRAL", "wgs_neutral", 0.6, [])]
    for d in designs:
        sam = os.path.join(out, d.sample + ".sam")
        n = simulate(d, ref, Person(d.person, sites), depth, sam)
        bam = os.path.join(out, d.sample + ".bam")
        subprocess.run(["samtools", "view", "--no-PG", "-@", "2", "-b", "-o", bam, sam], check=True)
        subprocess.run(["samtools", "index", "-c", bam], check=True)
        os.remove(sam)
        print(f"{d.sample}: {n} reads", flush=True)


if __name__ == "__main__":
    main()
