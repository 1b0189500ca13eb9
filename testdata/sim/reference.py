"""Builds the synthetic GRCh38-coordinate reference: N everywhere except sequence windows.

Windows get pseudo-random filler (GC drifting around 41 %, with interspersed repeat families and
microsatellites); CRBN exons are planted at their MANE coordinates so that the spliced CDS encodes
the real protein (Q96SW2) on the minus strand; every intron of every annotated gene gets GT..AG on
its transcript strand (CRBN wins where genes overlap).
"""
from __future__ import annotations

import random
import subprocess

from .genome import (CONTIGS, CRBN, PGX_SNPS, SEED, SYN_CODONS, Transcript, Window, read_panel_gtf,
                     read_protein, revcomp, translate, window_of, windows)
from .panel import all_targets

#: Codons pinned so that designed variants give the intended amino-acid change (residue -> codon).
PINNED_CODONS = {140: "GAA", 200: "GAA", 353: "CAT", 391: "TGT", 419: "CGA", 443: "TGA"}


def _filler(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    block = 5000
    for i in range(0, n, block):
        gc = min(0.55, max(0.33, rng.gauss(0.41, 0.04)))
        w = [(1 - gc) / 2, gc / 2, gc / 2, (1 - gc) / 2]
        out.extend(rng.choices("ACGT", weights=w, k=min(block, n - i)))
    return out


def _mutate(rng: random.Random, s: str, div: float) -> str:
    return "".join(rng.choice("ACGT".replace(b, "")) if rng.random() < div else b for b in s)


class ReferenceBuilder:
    """Creates window sequences in memory, then writes the FASTA/GTF outputs."""

    def __init__(self) -> None:
        self.panel = read_panel_gtf()
        self.windows = windows(self.panel)
        self.seq: dict[str, list[str]] = {}
        self.fixed: dict[str, set[int]] = {w.name: set() for w in self.windows}  # window 1-based positions
        self.notes: list[str] = []

    # -- low-level --------------------------------------------------------------------------------
    def _set(self, chrom: str, pos: int, base: str, force: bool = True) -> bool:
        w = window_of(self.windows, chrom, pos)
        i = pos - w.offset
        if not force and i in self.fixed[w.name] and self.seq[w.name][i - 1] != base:
            return False
        self.seq[w.name][i - 1] = base
        self.fixed[w.name].add(i)
        return True

    def _is_fixed(self, chrom: str, pos: int) -> bool:
        w = window_of(self.windows, chrom, pos)
        return pos - w.offset in self.fixed[w.name]

    # -- steps ------------------------------------------------------------------------------------
    def build(self) -> None:
        for w in self.windows:
            rng = random.Random(f"{SEED}:filler:{w.name}")
            self.seq[w.name] = _filler(rng, w.length)
        self._insert_repeats()
        self._plant_crbn()
        self._plant_splice_sites(CRBN)
        for t in self.panel:
            if t.gene != "CRBN":
                self._plant_splice_sites(t)
        for rs, chrom, pos, ref, _ in PGX_SNPS:
            self._set(chrom, pos, ref)

    def _protected(self) -> dict[str, list[tuple[int, int]]]:
        prot: dict[str, list[tuple[int, int]]] = {w.name: [] for w in self.windows}
        spans = []
        for t in self.panel + [CRBN]:
            spans += [(t.chrom, s - 400, e + 400) for s, e in t.exons]
        spans += [(c, s - 300, e + 300) for c, s, e, _ in all_targets(self.panel)]
        for c, s, e in spans:
            for w in self.windows:
                if w.chrom == c and e >= w.start and s <= w.end:
                    prot[w.name].append((max(1, s - w.offset), min(w.length, e - w.offset)))
        return prot

    def _insert_repeats(self) -> None:
        rng = random.Random(f"{SEED}:repeats")
        alu = "".join(rng.choices("ACGT", weights=[0.22, 0.28, 0.30, 0.20], k=290))
        line1 = "".join(rng.choices("ACGT", weights=[0.31, 0.19, 0.20, 0.30], k=900))
        units = ["CA", "A", "AT", "TTC", "GGAA", "AAAG"]
        prot = self._protected()
        counts = {"SynAlu": 0, "SynL1": 0, "microsatellite": 0}
        for w in self.windows:
            seq = self.seq[w.name]
            busy = sorted(prot[w.name])

            def free(a: int, b: int) -> bool:
                return all(b < s or a > e for s, e in busy)

            n_events = w.length // 1500
            for _ in range(n_events):
                kind = rng.choices(["SynAlu", "SynL1", "microsatellite"], weights=[4, 1, 6])[0]
                if kind == "SynAlu":
                    piece = _mutate(rng, alu, rng.uniform(0.04, 0.16)) + "A" * rng.randint(10, 25)
                elif kind == "SynL1":
                    a = rng.randint(0, 600)
                    piece = _mutate(rng, line1[a:a + rng.randint(200, 900 - a)], rng.uniform(0.05, 0.2))
                else:
                    piece = rng.choice(units) * rng.randint(8, 25)
                if rng.random() < 0.5:
                    piece = revcomp(piece)
                pos = rng.randint(1, w.length - len(piece))
                if not free(pos, pos + len(piece)):
                    continue
                seq[pos - 1:pos - 1 + len(piece)] = list(piece)
                busy.append((pos, pos + len(piece)))
                counts[kind] += 1
        self.notes.append("repeats inserted: " + ", ".join(f"{k}={v}" for k, v in counts.items()))

    def _plant_crbn(self) -> None:
        rng = random.Random(f"{SEED}:crbn-codons")
        protein = read_protein() + "*"
        codons = []
        for i, aa in enumerate(protein, start=1):
            codons.append(PINNED_CODONS.get(i) or rng.choice(SYN_CODONS[aa]))
        cds = "".join(codons)
        assert translate(cds) == protein, "codon choice must encode the protein"
        positions = CRBN.genomic_positions()
        cds_hi = CRBN.cds[1]
        start_idx = positions.index(cds_hi)
        utr5 = [self.seq_base(CRBN.chrom, p) for p in positions[:start_idx]]
        tx = "".join(utr5) + cds
        tx += "".join(self.seq_base(CRBN.chrom, p) for p in positions[len(tx):])
        # a polyadenylation signal 20 nt before the 3' end of the 3' UTR
        tx = tx[:-26] + "AATAAA" + tx[-20:]
        for p, b in zip(positions, tx):
            self._set(CRBN.chrom, p, revcomp(b))  # minus strand: genome carries the complement
        self.crbn_cds = cds

    def seq_base(self, chrom: str, pos: int) -> str:
        w = window_of(self.windows, chrom, pos)
        return self.seq[w.name][pos - w.offset - 1]

    def _plant_splice_sites(self, t: Transcript) -> None:
        for lo, hi in t.introns():
            if hi - lo + 1 < 8:
                self.notes.append(f"{t.gene}: intron {lo}-{hi} too short for a splice motif; left as is")
                continue
            # plus strand: lo,lo+1 = GT and hi-1,hi = AG; minus strand: complement read backwards
            bases = {lo: "G", lo + 1: "T", hi - 1: "A", hi: "G"} if t.strand == "+" else \
                {hi: "C", hi - 1: "A", lo + 1: "T", lo: "C"}
            if any(self._is_fixed(t.chrom, p) and self.seq_base(t.chrom, p) != b for p, b in bases.items()):
                self.notes.append(f"{t.gene}: intron {t.chrom}:{lo}-{hi} keeps a non-canonical motif "
                                  f"(it overlaps a fixed CRBN base)")
                continue
            for p, b in bases.items():
                self._set(t.chrom, p, b)

    # -- output -----------------------------------------------------------------------------------
    def window_strings(self) -> dict[str, str]:
        return {w.name: "".join(self.seq[w.name]) for w in self.windows}

    def write_windows_fasta(self, path: str) -> None:
        with open(path, "w") as fh:
            for w in self.windows:
                s = "".join(self.seq[w.name])
                fh.write(f">{w.name}\n")
                for i in range(0, len(s), 60):
                    fh.write(s[i:i + 60] + "\n")

    def write_genome_fasta_bgzf(self, path: str) -> None:
        """Whole chromosomes (N outside windows), 60 bases per line, through bgzip."""
        strings = self.window_strings()
        with open(path, "wb") as out:
            proc = subprocess.Popen(["bgzip", "-c"], stdin=subprocess.PIPE, stdout=out)
            assert proc.stdin is not None
            lines_per_block = 100_000
            block = 60 * lines_per_block
            n_block = ("N" * 60 + "\n") * lines_per_block
            for chrom, length in CONTIGS:
                proc.stdin.write(f">{chrom}\n".encode())
                wins = [w for w in self.windows if w.chrom == chrom]
                for b0 in range(0, length, block):  # b0: 0-based block start
                    b1 = min(length, b0 + block)
                    hit = [w for w in wins if w.end > b0 and w.start - 1 < b1]
                    if not hit and b1 - b0 == block:
                        proc.stdin.write(n_block.encode())
                        continue
                    chunk = ["N"] * (b1 - b0)
                    for w in hit:
                        s = strings[w.name]
                        lo, hi = max(b0, w.start - 1), min(b1, w.end)
                        chunk[lo - b0:hi - b0] = s[lo - (w.start - 1):hi - (w.start - 1)]
                    text = "".join(chunk)
                    proc.stdin.write("".join(text[i:i + 60] + "\n" for i in range(0, len(text), 60)).encode())
            proc.stdin.close()
            if proc.wait() != 0:
                raise RuntimeError("bgzip failed")

    def write_gtf(self, path: str) -> None:
        rows = []
        for t in sorted([CRBN] + [g for g in self.panel if g.gene != "CRBN"],
                        key=lambda t: ([c for c, _ in CONTIGS].index(t.chrom), t.span[0])):
            lo, hi = t.span
            src = "crbn_testdata"
            gattr = f'gene_id "{t.gene}"; gene_name "{t.gene}";'
            tattr = gattr + f' transcript_id "{t.tx_id}";'
            rows.append([t.chrom, src, "gene", lo, hi, ".", t.strand, ".", gattr])
            rows.append([t.chrom, src, "transcript", lo, hi, ".", t.strand, ".",
                         tattr + (' tag "MANE_Select";' if t is CRBN else ' tag "refseq_merged_exons";')])
            for n, (s, e) in zip(t.exon_numbers, t.exons):
                rows.append([t.chrom, src, "exon", s, e, ".", t.strand, ".", tattr + f' exon_number "{n}";'])
            if t.cds is not None:
                cds_lo, cds_hi = t.cds
                phase_acc = 0
                for n, (s, e) in zip(t.exon_numbers, t.exons):
                    a, b = max(s, cds_lo), min(e, cds_hi)
                    if a > b:
                        continue
                    # the stop codon is part of the CDS here (GENCODE excludes it; noted in README)
                    phase = (3 - phase_acc % 3) % 3
                    rows.append([t.chrom, src, "CDS", a, b, ".", t.strand, str(phase), tattr + f' exon_number "{n}";'])
                    phase_acc += b - a + 1
                if t.strand == "-":
                    rows.append([t.chrom, src, "start_codon", cds_hi - 2, cds_hi, ".", "-", "0", tattr])
                    rows.append([t.chrom, src, "stop_codon", cds_lo, cds_lo + 2, ".", "-", "0", tattr])
        with open(path, "w") as fh:
            fh.write("##description: SYNTHETIC CRBN test world annotation (GRCh38 coordinates); "
                     "CRBN = MANE Select NM_016302.4, other genes = RefSeq merged exons as one pseudo-transcript\n")
            for r in rows:
                fh.write("\t".join(str(x) for x in r) + "\n")
