"""Fixed facts of the synthetic world: contigs, windows, the CRBN MANE model, sequence helpers."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

#: Master seed; every random stream is derived from it plus a stable label.
SEED = "crbn-testdata-v1"

#: GRCh38 primary-assembly lengths of the contigs carried by the synthetic reference (natural order).
CONTIGS: list[tuple[str, int]] = [
    ("chr1", 248_956_422),
    ("chr3", 198_295_559),
    ("chr6", 170_805_979),
    ("chr7", 159_345_973),
    ("chr8", 145_138_636),
    ("chr17", 83_257_441),
    ("chr19", 58_617_616),
]
CONTIG_LEN = dict(CONTIGS)

FACTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "facts")

COMP = str.maketrans("ACGTNacgtn", "TGCANtgcan")


def revcomp(s: str) -> str:
    return s.translate(COMP)[::-1]


CODON_TABLE = {}
_bases = "TCAG"
_aas = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
for _i, _a in enumerate(_aas):
    CODON_TABLE[_bases[_i // 16] + _bases[(_i // 4) % 4] + _bases[_i % 4]] = _a
SYN_CODONS: dict[str, list[str]] = {}
for _c, _a in sorted(CODON_TABLE.items()):
    SYN_CODONS.setdefault(_a, []).append(_c)

AA3 = {"A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu", "G": "Gly",
       "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe", "P": "Pro", "S": "Ser",
       "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "Ter"}


def translate(cds: str) -> str:
    return "".join(CODON_TABLE.get(cds[i:i + 3], "X") for i in range(0, len(cds) - 2, 3))


@dataclass(frozen=True)
class Window:
    """A stretch of a real chromosome that carries sequence (everything else is N)."""
    chrom: str
    start: int  # 1-based inclusive
    end: int    # 1-based inclusive

    @property
    def name(self) -> str:
        return f"{self.chrom}_{self.start}_{self.end}"

    @property
    def offset(self) -> int:
        """Add to a 1-based window position to get the chromosome position."""
        return self.start - 1

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def contains(self, chrom: str, pos: int) -> bool:
        return chrom == self.chrom and self.start <= pos <= self.end


@dataclass
class Transcript:
    """A spliced transcript on the synthetic reference; exons in transcript (5'->3') order."""
    gene: str
    tx_id: str
    chrom: str
    strand: str
    exons: list[tuple[int, int]]
    cds: tuple[int, int] | None = None  # genomic (low, high) of the CDS incl. stop codon
    gene_id: str = ""
    exon_numbers: list[int] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return min(s for s, _ in self.exons), max(e for _, e in self.exons)

    @property
    def length(self) -> int:
        return sum(e - s + 1 for s, e in self.exons)

    def introns(self) -> list[tuple[int, int]]:
        """Introns (genomic low, high) in transcript order."""
        out = []
        for (s1, e1), (s2, e2) in zip(self.exons, self.exons[1:]):
            out.append((e1 + 1, s2 - 1) if self.strand == "+" else (e2 + 1, s1 - 1))
        return out

    def genomic_positions(self) -> list[int]:
        """Genomic position of every transcript base, in transcript order."""
        out: list[int] = []
        for s, e in self.exons:
            out.extend(range(s, e + 1) if self.strand == "+" else range(e, s - 1, -1))
        return out


# ---- CRBN MANE Select NM_016302.4 (GRCh38), from facts/crbn_exons_grch37_grch38.tsv + UTR ends in CRBN.md ----
CRBN_EXONS = [
    (3179621, 3179717), (3175163, 3175269), (3174059, 3174261), (3172776, 3172925), (3167634, 3167793),
    (3156219, 3156281), (3154747, 3154831), (3153960, 3154075), (3153424, 3153488), (3152456, 3152587),
    (3149633, 3151045),
]
CRBN_CDS = (3150865, 3179687)
CRBN = Transcript("CRBN", "NM_016302.4", "chr3", "-", CRBN_EXONS, CRBN_CDS, gene_id="CRBN",
                  exon_numbers=list(range(1, 12)))
CRBN_DEX10 = Transcript("CRBN", "CRBN_dEx10", "chr3", "-", CRBN_EXONS[:9] + CRBN_EXONS[10:], CRBN_CDS,
                        gene_id="CRBN", exon_numbers=[1, 2, 3, 4, 5, 6, 7, 8, 9, 11])
CRBN_EXON10 = (3152456, 3152587)
CRBN_SKIP_JUNCTION = (3151046, 3153423)

CRBN_WINDOW = Window("chr3", 3_050_000, 3_300_000)
#: Biomarker gene windows = RefSeq merged-exon gene span +- 5 kb (rounded); see facts GTF.
GENE_PAD = 5_000

#: Germline pharmacogenomic SNPs (CRBN.md section 3). Genomic ref/alt on the plus strand.
PGX_SNPS = [
    # id, chrom, pos, ref, alt
    ("rs1045642", "chr7", 87_509_329, "A", "G"),
    ("rs2032582", "chr7", 87_531_302, "C", "A"),
    ("rs1128503", "chr7", 87_550_285, "G", "A"),
    ("rs699947", "chr6", 43_768_652, "C", "A"),
    ("rs2010963", "chr6", 43_770_613, "G", "C"),
]


def read_protein() -> str:
    with open(os.path.join(FACTS_DIR, "CRBN_Q96SW2.protein.fa")) as fh:
        return "".join(line.strip() for line in fh if not line.startswith(">"))


def read_panel_gtf() -> list[Transcript]:
    """Biomarker genes (and window neighbours) from the RefSeq merged-exon GTF, one pseudo-transcript each."""
    genes: dict[str, Transcript] = {}
    with open(os.path.join(FACTS_DIR, "panel_genes.grch38.refseq_merged_exons.gtf")) as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            attrs = dict(kv.strip().split(" ", 1) for kv in f[8].strip(";").split(";") if kv.strip())
            name = attrs["gene_name"].strip('"')
            if f[2] == "gene":
                genes[name] = Transcript(name, f"{name}.merged", f[0], f[6], [], None,
                                         gene_id=attrs["gene_id"].strip('"'))
            elif f[2] == "exon":
                genes[name].exons.append((int(f[3]), int(f[4])))
    for t in genes.values():
        t.exons.sort(reverse=(t.strand == "-"))
        t.exon_numbers = list(range(1, len(t.exons) + 1))
    return [genes[k] for k in sorted(genes)]


def windows(panel: list[Transcript]) -> list[Window]:
    """CRBN window plus gene span +- GENE_PAD for every gene outside it, merged per chromosome."""
    raw = [CRBN_WINDOW]
    for t in panel:
        lo, hi = t.span
        if CRBN_WINDOW.contains(t.chrom, lo) and CRBN_WINDOW.contains(t.chrom, hi):
            continue
        raw.append(Window(t.chrom, (lo - GENE_PAD) // 1000 * 1000 + 1, (hi + GENE_PAD + 999) // 1000 * 1000))
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    raw.sort(key=lambda w: (order[w.chrom], w.start))
    merged: list[Window] = []
    for w in raw:
        if merged and merged[-1].chrom == w.chrom and w.start <= merged[-1].end + 1:
            merged[-1] = Window(w.chrom, merged[-1].start, max(merged[-1].end, w.end))
        else:
            merged.append(w)
    return merged


def window_of(wins: list[Window], chrom: str, pos: int) -> Window:
    for w in wins:
        if w.contains(chrom, pos):
            return w
    raise KeyError(f"{chrom}:{pos} is outside every sequence window")
