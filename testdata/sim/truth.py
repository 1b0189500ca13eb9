"""Truth files: VCF 4.3 (bgzipped + tabix) with real contig headers, JSON, and realised read counts."""
from __future__ import annotations

import json
import subprocess
from collections import defaultdict

from .genome import CONTIGS
from .variants import GenomeSeq, Variant


def fragments_by_haplotype(bam: str, chrom: str, start: int, end: int) -> dict[str, int]:
    """Distinct read names (fragments) overlapping chrom:start-end, per haplotype (name prefix before the last '_')."""
    out = subprocess.run(["samtools", "view", "-F", "0x904", bam, f"{chrom}:{start}-{end}"],
                         check=True, capture_output=True, text=True).stdout
    names: dict[str, set[str]] = defaultdict(set)
    for line in out.splitlines():
        q = line.split("\t", 1)[0]
        names[q.rsplit("_", 1)[0]].add(q)
    return {k: len(v) for k, v in sorted(names.items())}


def site_region(v: Variant) -> tuple[int, int]:
    """The reference bases a read must overlap to show the variant."""
    if len(v.ref) == len(v.alt):
        return v.pos, v.end
    if len(v.ref) > len(v.alt):
        return v.pos + 1, v.end
    return v.pos, v.pos + 1


def write_vcf(path_gz: str, sample: str, records: list[dict], g: GenomeSeq) -> None:
    """records: {variant, gt, ad_ref, ad_alt, somatic, design_vaf}; writes bgzipped VCF and its tabix index."""
    order = {c: i for i, (c, _) in enumerate(CONTIGS)}
    lines = ["##fileformat=VCFv4.3", "##source=crbn-testdata (SYNTHETIC truth set; testdata/build.sh)",
             "##reference=reference/crbn_world.GRCh38.fa.gz"]
    lines += [f"##contig=<ID={c},length={n}>" for c, n in CONTIGS]
    lines += [
        '##ALT=<ID=DEL,Description="Deletion (copy-number loss segment)">',
        '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic in the design (absent from the matched normal)">',
        '##INFO=<ID=LABEL,Number=1,Type=String,Description="Design label; reads from haplotypes carrying it are named alt_LABEL_N">',
        '##INFO=<ID=GENE,Number=1,Type=String,Description="Gene symbol">',
        '##INFO=<ID=HGVSC,Number=1,Type=String,Description="HGVS c. on NM_016302.4">',
        '##INFO=<ID=HGVSP,Number=1,Type=String,Description="HGVS p. on NP_057386.2">',
        '##INFO=<ID=CSQ,Number=1,Type=String,Description="Sequence Ontology consequence">',
        '##INFO=<ID=DESIGN_VAF,Number=A,Type=Float,Description="Designed variant allele fraction">',
        '##INFO=<ID=END,Number=1,Type=Integer,Description="End of the deleted segment">',
        '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Structural variant type">',
        '##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length of the deleted segment (negative)">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Realised fragments per allele (from read names)">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Realised allele fraction">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Realised fragments overlapping the site">',
        "#" + "\t".join(["CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", sample]),
    ]
    for r in sorted(records, key=lambda r: (order[r["variant"].chrom], r["variant"].pos)):
        v: Variant = r["variant"]
        info = []
        if r.get("somatic"):
            info.append("SOMATIC")
        info.append(f"LABEL={v.label}")
        if v.gene:
            info += [f"GENE={v.gene}"]
        if v.hgvs_c:
            info += [f"HGVSC={v.hgvs_c}"]
        if v.hgvs_p:
            info += [f"HGVSP={v.hgvs_p}"]
        if v.consequence:
            info += [f"CSQ={v.consequence}"]
        info.append(f"DESIGN_VAF={r['design_vaf']:.4g}")
        if v.is_segment:
            pos, ref, alt = v.pos - 1, g.base(v.chrom, v.pos - 1), "<DEL>"
            info += [f"END={v.end}", "SVTYPE=DEL", f"SVLEN=-{len(v.ref)}"]
            fmt, val = "GT", r["gt"]
        else:
            pos, ref, alt = v.pos, v.ref, v.alt
            dp = r["ad_ref"] + r["ad_alt"]
            af = r["ad_alt"] / dp if dp else 0.0
            fmt, val = "GT:AD:AF:DP", f"{r['gt']}:{r['ad_ref']},{r['ad_alt']}:{af:.4f}:{dp}"
        lines.append("\t".join([v.chrom, str(pos), v.vid, ref, alt, ".", "PASS", ";".join(info), fmt, val]))
    plain = path_gz[:-3]
    with open(plain, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    subprocess.run(["bgzip", "-f", plain], check=True)
    subprocess.run(["tabix", "-f", "-p", "vcf", path_gz], check=True)


def write_json(path: str, obj: dict) -> None:
    with open(path, "w") as fh:
        json.dump(obj, fh, indent=2, sort_keys=False)
        fh.write("\n")
