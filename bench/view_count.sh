#!/usr/bin/env bash
# Issue #2 speed check: `crbn view -c` against `samtools view -c` on the same >=200 MB BAM, in one run,
# at 2 threads (-@2 for both) and single-threaded, plus peak resident memory of each.
#   bash bench/view_count.sh [BAM]      (default: builds bench/work/large.bam with testdata/make_large_bam.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BAM=${1:-bench/work/large.bam}
RUNS=${RUNS:-7}
mkdir -p bench/work
if [ ! -f "$BAM" ]; then
  bash testdata/make_large_bam.sh "$BAM"
fi
[ -f "$BAM.bai" ] || samtools index "$BAM"
echo "BAM: $BAM ($(du -m "$BAM" | cut -f1) MB, $(samtools view -c -@2 "$BAM") records)"

# ReadyToRun: precompiled, as a release build ships; saves ~30 ms of JIT at start-up.
dotnet publish src/CrbnVariantCaller.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o bench/work/crbn -nologo -v q >/dev/null
CRBN=bench/work/crbn/crbn
"$CRBN" devices | head -3 || true

# Page-cache the file so both tools read from memory.
cat "$BAM" > /dev/null

hyperfine --warmup 1 --runs "$RUNS" --style basic --export-json bench/work/view_count.json \
  -n "samtools -@2" "samtools view -c -@2 $BAM" \
  -n "crbn -@2"     "$CRBN view -c -@2 $BAM" \
  -n "samtools -@0" "samtools view -c $BAM" \
  -n "crbn -@1"     "$CRBN view -c -@1 $BAM"

python3 - <<'PY'
import json
r = {x["command"]: x for x in json.load(open("bench/work/view_count.json"))["results"]}
def m(k): return r[k]["median"] * 1000
print()
print("| pair | crbn ms (median) | samtools ms (median) | crbn / samtools |")
print("|---|---:|---:|---:|")
for c, s in (("crbn -@2", "samtools -@2"), ("crbn -@1", "samtools -@0")):
    print(f"| {c} vs {s} | {m(c):.0f} | {m(s):.0f} | {m(c)/m(s):.2f} |")
PY

echo
echo "peak resident memory (KB):"
for cmd in "samtools view -c -@2 $BAM" "$CRBN view -c -@2 $BAM" "samtools view -c $BAM" "$CRBN view -c -@1 $BAM"; do
  kb=$(/usr/bin/time -f '%M' $cmd 2>&1 >/dev/null | tail -1)
  echo "  $kb  $cmd"
done
