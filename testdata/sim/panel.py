"""Capture-panel targets (1-based, inclusive) and copy-number segments of the synthetic world."""
from __future__ import annotations

from .genome import CRBN, PGX_SNPS, Transcript

TARGET_PAD = 150  # targets are exons +- 150 bp
CONTROL_FLANKS_CHR3 = [3_060_001, 3_090_001, 3_120_001, 3_200_001, 3_240_001, 3_280_001]

#: One-copy loss segment (whole CRBN gene plus flanks) and the homozygous exon 9-11 loss segment.
CN_LOSS_SEGMENT = ("chr3", 3_140_001, 3_190_000)
CN_HOMDEL_E9_11_SEGMENT = ("chr3", 3_149_501, 3_153_700)


def crbn_targets() -> list[tuple[str, int, int, str]]:
    out = []
    for n, (s, e) in zip(CRBN.exon_numbers, CRBN.exons):
        out.append((CRBN.chrom, s - TARGET_PAD, e + TARGET_PAD, f"CRBN_exon{n}"))
    return sorted(out, key=lambda t: t[1])


def pgx_targets() -> list[tuple[str, int, int, str]]:
    return [(c, p - TARGET_PAD, p + TARGET_PAD, f"PGX_{rs}") for rs, c, p, _, _ in PGX_SNPS]


def control_targets(panel: list[Transcript]) -> list[tuple[str, int, int, str]]:
    """Copy-number reference targets: chr3 flanks of CRBN and one exon (centre 300 bp) per biomarker gene."""
    out = [("chr3", s, s + 299, f"CTRL_chr3_{s}") for s in CONTROL_FLANKS_CHR3]
    for t in panel:
        if t.chrom == "chr3":
            continue
        s, e = t.exons[len(t.exons) // 2]
        if e - s + 1 > 300:
            mid = (s + e) // 2
            s, e = mid - 149, mid + 150
        out.append((t.chrom, s - TARGET_PAD, e + TARGET_PAD, f"CTRL_{t.gene}_exon{len(t.exons) // 2 + 1}"))
    return out


def all_targets(panel: list[Transcript]) -> list[tuple[str, int, int, str]]:
    from .genome import CONTIGS
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    return sorted(crbn_targets() + pgx_targets() + control_targets(panel), key=lambda t: (order[t[0]], t[1]))
