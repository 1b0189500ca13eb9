#!/usr/bin/env bash
# Issue #5 speed check: `crbn call --dna DEEP_TUMOR.bam` end to end (process start to VCF + report written) against
# `bcftools mpileup | bcftools call -mv` on the same BAM and CRBN region, in one hyperfine run; also tumour-normal
# (crbn --normal vs bcftools on both BAMs). Prints medians and the crbn / bcftools ratio (target: <= 0.5).
#   bash bench/call_deep_panel.sh        RUNS=10 DEVICE=cpu|auto|opencl|cuda THREADS=1 to change the defaults
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
DEVICE=${DEVICE:-auto}
THREADS=${THREADS:-1}
TD=testdata
BAM=$TD/dna/deep_panel/DEEP_TUMOR.bam
NORMAL=$TD/dna/deep_panel/DEEP_NORMAL.bam
REF=$TD/reference/crbn_world.GRCh38.fa.gz
REGION=chr3:3147633-3181717   # chr3:3,147,633-3,181,717 (bcftools -r reads commas as a region list)
W=bench/work/call_deep_panel
mkdir -p "$W"
for tool in bcftools samtools hyperfine dotnet python3; do command -v $tool >/dev/null || { echo "missing $tool" >&2; exit 1; }; done
echo "BAM: $BAM ($(samtools view -c "$BAM") records; normal $(samtools view -c "$NORMAL")), region $REGION"

# ReadyToRun: precompiled, as a release build ships (the same publish as bench/view_count.sh).
dotnet publish src/CrbnVariantCaller.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o bench/work/crbn -nologo -v q >/dev/null
CRBN=bench/work/crbn/crbn

# One checked run of each first: what crbn calls, on which backend, and what bcftools calls.
CRBN_LOG_LEVEL=Warning "$CRBN" call --dna "$BAM" --reference "$REF" --out "$W/t" --device "$DEVICE" -@ "$THREADS"
bcftools mpileup -f "$REF" -r "$REGION" -a AD -d 100000 -L 100000 "$BAM" 2>/dev/null | bcftools call -mv -Oz -o "$W/bcftools.vcf.gz" 2>/dev/null
python3 - "$W/t" <<'PY'
import glob, json, sys
j = json.load(open(glob.glob(sys.argv[1] + "/*.json")[0]))
def find(o, key):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == key: return v
            r = find(v, key)
            if r is not None: return r
    elif isinstance(o, list):
        for v in o:
            r = find(v, key)
            if r is not None: return r
print("crbn backend:", find(j, "backend"), "| device:", find(j, "device"))
PY
echo "crbn PASS records: $(zcat "$W"/t/*.vcf.gz | grep -v '^#' | awk '$7=="PASS"' | wc -l), bcftools records: $(zcat "$W/bcftools.vcf.gz" | grep -vc '^#')"

cat "$BAM" "$NORMAL" > /dev/null   # page cache
hyperfine --warmup 1 --runs "$RUNS" --style basic --export-json "$W/hyperfine.json" \
  -n "crbn call --dna" \
  "CRBN_LOG_LEVEL=Warning $CRBN call --dna $BAM --reference $REF --out $W/t --device $DEVICE -@ $THREADS" \
  -n "bcftools mpileup+call" \
  "bcftools mpileup -f $REF -r $REGION -a AD -d 100000 -L 100000 $BAM 2>/dev/null | bcftools call -mv -Oz -o $W/b.vcf.gz" \
  -n "crbn call --dna --normal" \
  "CRBN_LOG_LEVEL=Warning $CRBN call --dna $BAM --normal $NORMAL --reference $REF --out $W/tn --device $DEVICE -@ $THREADS" \
  -n "bcftools mpileup+call (tumour+normal)" \
  "bcftools mpileup -f $REF -r $REGION -a AD -d 100000 -L 100000 $BAM $NORMAL 2>/dev/null | bcftools call -mv -Oz -o $W/bn.vcf.gz"

python3 - "$W/hyperfine.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
def m(k): return r[k]["median"] * 1000
print()
print("| pair | crbn ms (median) | bcftools ms (median) | crbn / bcftools |")
print("|---|---:|---:|---:|")
for c, b in (("crbn call --dna", "bcftools mpileup+call"),
             ("crbn call --dna --normal", "bcftools mpileup+call (tumour+normal)")):
    print(f"| {c} vs {b} | {m(c):.0f} | {m(b):.0f} | {m(c)/m(b):.2f} |")
PY
