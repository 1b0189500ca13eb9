"""Lifts SAM records aligned to sequence windows onto real chromosome coordinates, then sorts to BAM."""
from __future__ import annotations

import subprocess
from typing import IO, Iterable

from .genome import CONTIGS, Window


def _lift_tag(value: str, wmap: dict[str, Window], sa: bool) -> str:
    out = []
    for item in value.rstrip(";").split(";"):
        f = item.split(",")
        w = wmap[f[0]]
        f[0] = w.chrom
        if sa:
            f[1] = str(int(f[1]) + w.offset)
        else:  # XA: strand-signed position
            f[1] = f[1][0] + str(int(f[1][1:]) + w.offset)
        out.append(",".join(f))
    return ";".join(out) + ";"


def lift_records(lines: Iterable[str], out: IO[str], wins: list[Window], pg: str, comments: list[str]) -> None:
    """Rewrites the header (all real contigs) and shifts POS/PNEXT/SA/XA from window to chromosome coordinates."""
    wmap = {w.name: w for w in wins}
    out.write("@HD\tVN:1.6\tSO:unsorted\n")
    for c, n in CONTIGS:
        out.write(f"@SQ\tSN:{c}\tLN:{n}\n")
    header_done = False
    for line in lines:
        if line.startswith("@"):
            if line.startswith("@RG"):
                out.write(line)
            continue
        if not header_done:
            out.write(pg + "\n")
            for c in comments:
                out.write(f"@CO\t{c}\n")
            header_done = True
        f = line.rstrip("\n").split("\t")
        w = wmap.get(f[2])
        if w is not None:
            f[2] = w.chrom
            if f[3] != "0":
                f[3] = str(int(f[3]) + w.offset)
        if f[6] != "*":
            mw = w if f[6] == "=" else wmap[f[6]]
            if f[7] != "0":
                f[7] = str(int(f[7]) + mw.offset)
            if f[6] != "=":
                f[6] = "=" if w is not None and mw.chrom == w.chrom else mw.chrom
                if w is not None and mw is not w:
                    f[8] = "0"
        for i in range(11, len(f)):
            if f[i].startswith("SA:Z:"):
                f[i] = "SA:Z:" + _lift_tag(f[i][5:], wmap, True)
            elif f[i].startswith("XA:Z:"):
                f[i] = "XA:Z:" + _lift_tag(f[i][5:], wmap, False)
        out.write("\t".join(f) + "\n")
    if not header_done:
        out.write(pg + "\n")
        for c in comments:
            out.write(f"@CO\t{c}\n")


def align_lift_sort(aligner_cmd: list[str], cwd: str, out_bam: str, wins: list[Window], pg: str,
                    comments: list[str]) -> None:
    """Runs the aligner (SAM on stdout), lifts every record and writes a coordinate-sorted, indexed BAM."""
    aligner = subprocess.Popen(aligner_cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sorter = subprocess.Popen(["samtools", "sort", "--no-PG", "-T", out_bam + ".tmp", "-o", out_bam, "-"],
                              stdin=subprocess.PIPE, text=True)
    assert aligner.stdout is not None and sorter.stdin is not None
    lift_records(aligner.stdout, sorter.stdin, wins, pg, comments)
    sorter.stdin.close()
    if aligner.wait() != 0:
        raise RuntimeError(f"aligner failed: {' '.join(aligner_cmd)}")
    if sorter.wait() != 0:
        raise RuntimeError("samtools sort failed")
    subprocess.run(["samtools", "index", out_bam], check=True)
