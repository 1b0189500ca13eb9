#!/usr/bin/env python3
"""Scores crbn / bcftools / freebayes calls against the testdata truth VCFs; prints a markdown table.

Truth: records of each sample's truth VCF inside the scored BED (CRBN CDS +-8 bp). Somatic records (INFO SOMATIC)
are the sensitivity targets; germline records (E200E) are neither targets nor false positives (crbn filters them as
normal_evidence in tumour-normal mode). A false positive is any reported call in the BED (crbn: PASS; peers: every
record bcftools/freebayes emit) that is not a truth record. Matching is exact on left-normalised POS/REF/ALT.
"""
import gzip
import sys
from collections import defaultdict

work, testdata = sys.argv[1], sys.argv[2]
bed = [(l.split()[0], int(l.split()[1]), int(l.split()[2])) for l in open(f"{work}/crbn_tested.bed")]


def in_bed(chrom, pos, ref):
    return any(c == chrom and pos + len(ref) - 1 > s and pos <= e for c, s, e in bed)


def truth(path):
    out = []
    with gzip.open(path, "rt") as f:
        for line in f:
            if line.startswith("#"):
                continue
            x = line.rstrip("\n").split("\t")
            if x[4].startswith("<") or not in_bed(x[0], int(x[1]), x[3]):
                continue
            fmt, smp = x[8].split(":"), x[9].split(":")
            info = dict(kv.split("=", 1) for kv in x[7].split(";") if "=" in kv)
            out.append(dict(key=(x[0], int(x[1]), x[3], x[4]), somatic="SOMATIC" in x[7].split(";"),
                            vaf=float(smp[fmt.index("AF")]), dp=int(smp[fmt.index("DP")]), label=info.get("LABEL", ".")))
    return out


def crbn_calls(path):
    """PASS records of crbn call's VCF (split and left-normalised by bcftools norm, as the peers' are)."""
    calls = set()
    for line in open(path):
        if line.startswith("#"):
            continue
        x = line.split("\t")
        if x[6] != "PASS":
            continue
        for alt in x[4].split(","):
            if alt not in ("*", ".") and in_bed(x[0], int(x[1]), x[3]):
                calls.add((x[0], int(x[1]), x[3], alt))
    return calls


def vcf_calls(path):
    calls = set()
    for line in open(path):
        if line.startswith("#"):
            continue
        x = line.split("\t")
        for alt in x[4].split(","):
            if alt not in ("*", ".") and in_bed(x[0], int(x[1]), x[3]):
                calls.add((x[0], int(x[1]), x[3], alt))
    return calls


samples = [l.rstrip("\n").split("\t") for l in open(f"{work}/samples.tsv")]
tools = ["crbn", "bcftools", "freebayes"]
times = defaultdict(dict)
for l in open(f"{work}/times.tsv"):
    s, t, ms = l.split()
    times[s][t] = int(ms)


def vaf_stratum(v):
    if v < 0.02:
        return "VAF <0.02"
    if v < 0.05:
        return "VAF 0.02-0.05"
    if v < 0.10:
        return "VAF 0.05-0.10"
    return "VAF >=0.10"


def depth_stratum(dp):
    return "depth >=1000" if dp >= 1000 else "depth <100" if dp < 100 else "depth 100-999"


found = defaultdict(lambda: defaultdict(lambda: [0, 0]))
fps = defaultdict(dict)
missed = defaultdict(list)
for sample, bam, tvcf, normal in samples:
    t = truth(f"{testdata}/{tvcf}")
    keys = {r["key"] for r in t}
    for tool in tools:
        calls = crbn_calls(f"{work}/{sample}.crbn.vcf") if tool == "crbn" else vcf_calls(f"{work}/{sample}.{tool}.vcf")
        fps[tool][sample] = len(calls - keys)
        for r in t:
            if not r["somatic"]:
                continue
            kind = "SNV" if len(r["key"][2]) == len(r["key"][3]) else "indel"
            for stratum in (f"{depth_stratum(r['dp'])}, {vaf_stratum(r['vaf'])}", f"{kind}s, all"):
                found[tool][stratum][1] += 1
                if r["key"] in calls:
                    found[tool][stratum][0] += 1
            if r["key"] not in calls:
                missed[tool].append(f"{sample}:{r['label']}({r['vaf']:.3f})")

strata = sorted({s for tool in tools for s in found[tool]})
print("| stratum (somatic truth, realised VAF/DP) | " + " | ".join(tools) + " |")
print("|---|" + "---:|" * len(tools))
for s in strata:
    cells = []
    for tool in tools:
        f, n = found[tool][s]
        cells.append(f"{f}/{n} ({100.0 * f / n:.0f}%)" if n else "-")
    print(f"| {s} | " + " | ".join(cells) + " |")
negatives = [s for s, _, _, n in samples]
print("| **false positives** (calls in CRBN CDS+-8 not in truth) | " + " | ".join("" for _ in tools) + " |")
for s in negatives:
    print(f"| FP {s} | " + " | ".join(str(fps[tool][s]) for tool in tools) + " |")
print("| FP total, negative samples only | " + " | ".join(
    str(sum(fps[tool][s] for s, _, _, n in samples if s not in ("DEEP_TUMOR", "TN60_TUMOR"))) for tool in tools) + " |")
print("| wall ms DEEP_TUMOR (crbn: process incl. .NET start, tumour+normal) | " + " | ".join(str(times["DEEP_TUMOR"].get(t, "-")) for t in tools) + " |")
print()
for tool in tools:
    print(f"- {tool} missed: {', '.join(missed[tool]) or 'none'}")
