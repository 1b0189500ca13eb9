"""Designed variants: genomic (VCF, left-aligned) form plus HGVS c./p. on NM_016302.4, and haplotypes."""
from __future__ import annotations

from dataclasses import dataclass, field

from .genome import AA3, CRBN, Window, revcomp, translate


@dataclass(frozen=True)
class Variant:
    """A small variant (VCF semantics: 1-based POS, REF includes the anchor base for indels) or a deletion segment."""
    label: str
    chrom: str
    pos: int
    ref: str
    alt: str
    gene: str = ""
    hgvs_c: str = ""
    hgvs_p: str = ""
    consequence: str = ""
    vid: str = "."

    @property
    def is_segment(self) -> bool:
        return self.alt == "<DEL>"

    @property
    def end(self) -> int:
        return self.pos + len(self.ref) - 1

    def to_json(self) -> dict:
        return {"label": self.label, "chrom": self.chrom, "pos": self.pos, "ref": self.ref, "alt": self.alt,
                "id": self.vid, "gene": self.gene, "hgvs_c": self.hgvs_c, "hgvs_p": self.hgvs_p,
                "consequence": self.consequence}


def segment_deletion(label: str, chrom: str, start: int, end: int) -> Variant:
    """A large deletion of chrom:start-end (inclusive); REF holds a placeholder of the right length."""
    return Variant(label, chrom, start, "N" * (end - start + 1), "<DEL>", consequence="copy_number_loss")


class CrbnDesigner:
    """Turns coding-sequence edits on CRBN (c. numbering) into genomic variants with HGVS strings."""

    def __init__(self, genome: "GenomeSeq") -> None:
        self.g = genome
        pos = CRBN.genomic_positions()
        lo, hi = CRBN.cds
        i0 = pos.index(hi)
        i1 = pos.index(lo)
        self.cds_pos = pos[i0:i1 + 1]            # genomic position of c.1 .. c.1329
        self.c_of = {p: i + 1 for i, p in enumerate(self.cds_pos)}
        self.cds = "".join(revcomp(self.g.base("chr3", p)) for p in self.cds_pos)
        self.protein = translate(self.cds)

    def _hgvs_p(self, mut_cds: str) -> tuple[str, str]:
        ref_p = self.protein
        mut_p = translate(mut_cds[:len(mut_cds) - len(mut_cds) % 3])
        if "*" in mut_p:
            mut_p = mut_p[:mut_p.index("*") + 1]
        i = next((k for k in range(min(len(ref_p), len(mut_p))) if ref_p[k] != mut_p[k]), None)
        if (len(mut_cds) - len(self.cds)) % 3 != 0:
            assert i is not None
            tail = mut_p[i:]
            ter = str(len(tail)) if tail.endswith("*") else "?"
            return f"p.{AA3[ref_p[i]]}{i + 1}{AA3[mut_p[i]]}fsTer{ter}", "frameshift_variant"
        if len(mut_cds) == len(self.cds):
            if i is None:
                return "p.=", "synonymous_variant"
            if mut_p[i] == "*":
                return f"p.{AA3[ref_p[i]]}{i + 1}Ter", "stop_gained"
            return f"p.{AA3[ref_p[i]]}{i + 1}{AA3[mut_p[i]]}", "missense_variant"
        # in-frame deletion of whole codons: shift to the most C-terminal equivalent position
        n = (len(self.cds) - len(mut_cds)) // 3
        assert i is not None
        while i + n < len(ref_p) and ref_p[i] == ref_p[i + n]:
            i += 1
        if n == 1:
            return f"p.{AA3[ref_p[i]]}{i + 1}del", "inframe_deletion"
        return f"p.{AA3[ref_p[i]]}{i + 1}_{AA3[ref_p[i + n - 1]]}{i + n}del", "inframe_deletion"

    def snv(self, label: str, c: int, alt_coding: str) -> Variant:
        p = self.cds_pos[c - 1]
        ref_c = self.cds[c - 1]
        assert ref_c != alt_coding, label
        mut = self.cds[:c - 1] + alt_coding + self.cds[c:]
        hp, csq = self._hgvs_p(mut)
        return Variant(label, "chr3", p, revcomp(ref_c), revcomp(alt_coding), "CRBN",
                       f"c.{c}{ref_c}>{alt_coding}", hp, csq)

    def deletion(self, label: str, c_from: int, length: int, codon_aligned: bool = False) -> Variant:
        """Deletes c.k..c.k+length-1 at the first k >= c_from whose genomic form is already left-aligned."""
        for c in range(c_from, c_from + 60):
            if codon_aligned and (c - 1) % 3:
                continue
            hi = self.cds_pos[c - 1]               # genomic of c.k (highest deleted base)
            lo = hi - length + 1
            if self.cds_pos[c + length - 2] != lo:  # must not cross an exon boundary
                continue
            anchor = lo - 1
            ref = "".join(self.g.base("chr3", q) for q in range(anchor, hi + 1))
            if ref[0] == ref[-1]:                   # could shift left by one: not left-aligned
                continue
            if self.g.base("chr3", hi + 1) == self.g.base("chr3", lo):   # could shift right: ambiguous in HGVS
                continue
            mut = self.cds[:c - 1] + self.cds[c - 1 + length:]
            hp, csq = self._hgvs_p(mut)
            hc = f"c.{c}del" if length == 1 else f"c.{c}_{c + length - 1}del"
            return Variant(label, "chr3", anchor, ref, ref[0], "CRBN", hc, hp, csq)
        raise ValueError(f"no left-aligned {length}-bp deletion near c.{c_from}")

    def insertion(self, label: str, c_from: int) -> Variant:
        """Inserts one base between c.k and c.k+1 (k >= c_from) that neither neighbour equals."""
        for c in range(c_from, c_from + 60):
            g_k, g_k1 = self.cds_pos[c - 1], self.cds_pos[c]
            if g_k - g_k1 != 1:
                continue
            # genomic: insertion after g_k1 (lower coordinate), before g_k
            for b in "ACGT":
                if b != self.g.base("chr3", g_k1) and b != self.g.base("chr3", g_k):
                    ins_c = revcomp(b)
                    mut = self.cds[:c] + ins_c + self.cds[c:]
                    hp, csq = self._hgvs_p(mut)
                    ref = self.g.base("chr3", g_k1)
                    return Variant(label, "chr3", g_k1, ref, ref + b, "CRBN", f"c.{c}_{c + 1}ins{ins_c}", hp, csq)
        raise ValueError(f"no clean insertion site near c.{c_from}")

    def intronic_snv(self, label: str, pos: int, alt: str) -> Variant:
        ref = self.g.base("chr3", pos)
        assert ref != alt
        # nearest exon boundary in transcript terms (CRBN is on the minus strand)
        for n, (lo, hi) in enumerate(CRBN.introns(), start=1):
            if lo <= pos <= hi:
                up_exon_first = hi + 1     # transcript-upstream exon's last base (genomic hi+1)
                dn_exon_first = lo - 1
                d_up, d_dn = up_exon_first - pos, pos - dn_exon_first
                tx = CRBN.genomic_positions()
                i0 = tx.index(CRBN.cds[1])
                def cnum(g: int) -> int:
                    return tx.index(g) - i0 + 1
                if d_up <= d_dn:
                    hc = f"c.{cnum(up_exon_first)}+{d_up}{revcomp(ref)}>{revcomp(alt)}"
                else:
                    hc = f"c.{cnum(dn_exon_first)}-{d_dn}{revcomp(ref)}>{revcomp(alt)}"
                return Variant(label, "chr3", pos, ref, alt, "CRBN", hc, "p.?", "intron_variant")
        raise ValueError("not intronic")


class GenomeSeq:
    """Window sequences of the synthetic reference, addressed by real chromosome coordinates."""

    def __init__(self, wins: list[Window], strings: dict[str, str]) -> None:
        self.windows = wins
        self.strings = strings

    def window(self, chrom: str, pos: int) -> Window:
        for w in self.windows:
            if w.contains(chrom, pos):
                return w
        raise KeyError(f"{chrom}:{pos}")

    def base(self, chrom: str, pos: int) -> str:
        w = self.window(chrom, pos)
        return self.strings[w.name][pos - w.start]

    def seq(self, chrom: str, start: int, end: int) -> str:
        w = self.window(chrom, start)
        return self.strings[w.name][start - w.start:end - w.start + 1]


@dataclass
class Haplotype:
    """A named haplotype = reference plus a set of variants; reads simulated from it carry the name."""
    name: str
    variants: list[Variant] = field(default_factory=list)

    def window_sequence(self, g: GenomeSeq, w: Window) -> tuple[str, "CoordMap"]:
        """Mutated window sequence and the map from reference to haplotype coordinates."""
        s = g.strings[w.name]
        edits = sorted((v for v in self.variants if v.chrom == w.chrom and w.start <= v.pos <= w.end),
                       key=lambda v: v.pos)
        parts, cursor, shift = [], w.start, 0
        cmap = CoordMap(w)
        for v in edits:
            assert v.pos >= cursor, f"overlapping variants in haplotype {self.name}"
            parts.append(s[cursor - w.start:v.pos - w.start])
            if v.is_segment:
                cmap.deleted.append((v.pos, v.end))
                cursor = v.end + 1
                shift -= len(v.ref)
            else:
                assert s[v.pos - w.start:v.pos - w.start + len(v.ref)] == v.ref, v
                parts.append(v.alt)
                if len(v.ref) > 1:
                    cmap.deleted.append((v.pos + 1, v.end))
                cursor = v.pos + len(v.ref)
                shift += len(v.alt) - len(v.ref)
            cmap.breakpoints.append((cursor, shift))
        parts.append(s[cursor - w.start:])
        return "".join(parts), cmap


@dataclass
class CoordMap:
    """Reference -> haplotype coordinates for one window."""
    window: Window
    breakpoints: list[tuple[int, int]] = field(default_factory=list)  # (first ref pos after edit, shift)
    deleted: list[tuple[int, int]] = field(default_factory=list)

    def offset(self, ref_pos: int) -> int:
        """0-based offset in the haplotype string; a deleted base maps to the first base after the deletion."""
        for a, b in self.deleted:
            if a <= ref_pos <= b:
                ref_pos = b + 1
        shift = 0
        for p, sh in self.breakpoints:
            if p <= ref_pos:
                shift = sh
        return ref_pos - self.window.start + shift
