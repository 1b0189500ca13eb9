#!/usr/bin/env bash
# Issue #6 speed check: `crbn call --rna BAM` end to end (process start to report + VCF written: strandedness detection,
# gene counting, CRBN splicing, expressed variants, RNA germline typing, report) against featureCounts 2.x, plain and with
# -J (junction counting, as the issue asks), on one larger RNA BAM, in one hyperfine run. Also times the bench/rna
# harness (BAM -> read batch -> strandedness -> feature-count kernel only) to show what counting alone costs.
# Checks first that crbn's gene counts (report JSON) equal featureCounts'.
#
#   bash bench/rna/run.sh [COPIES] [THREADS]
#
# The BAM: every testdata RNA BAM (cohort, exon10_psi, low_depth, expressed_snv), COPIES times (default 8) with the
# read names prefixed per copy and sample so that names stay unique, merged and indexed (~276k records per copy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
copies=${1:-8}; threads=${2:-1}
work=${BENCH_WORK:-$(mktemp -d /tmp/crbn-rna-bench.XXXXXX)}
gtf="$root/testdata/reference/crbn_world.GRCh38.gtf"
bam="$work/rna_x${copies}.bam"
for tool in samtools featureCounts hyperfine dotnet python3; do command -v $tool >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

if [ ! -s "$bam.bai" ]; then
  echo "# building $bam ($copies copies of the testdata RNA BAMs)" >&2
  parts=()
  for c in $(seq 1 "$copies"); do
    for f in "$root"/testdata/rna/*/*.bam; do
      out="$work/part_${c}_$(basename "$f")"
      samtools view -h "$f" | awk -v p="c${c}_$(basename "$f" .bam)_" 'BEGIN{OFS="\t"} /^@/ {print; next} {$1=p $1; print}' | samtools view -b -o "$out" -
      parts+=("$out")
    done
  done
  samtools merge -f -@ "$threads" -o "$bam" "${parts[@]}"
  samtools index "$bam"
  rm -f "${parts[@]}"
fi
records=$(samtools idxstats "$bam" | awk '{s+=$3+$4} END {print s}')
echo "# BAM: $bam, $records records, $(du -h "$bam" | cut -f1)" >&2

# crbn as shipped (ReadyToRun publish, as bench/view_count.sh) and the counting-only harness.
dotnet publish "$root/src/CrbnVariantCaller.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$root/bench/work/crbn" -nologo -v q >/dev/null
crbn="$root/bench/work/crbn/crbn"
ref="$root/testdata/reference/crbn_world.GRCh38.fa.gz"
call="$crbn call --rna $bam --reference $ref --annotation $gtf --sample RNA_BENCH --out $work/call --device cpu -@ $threads"
dotnet build -c Release "$here/RnaCountBench.csproj" -v q -nologo >/dev/null
harness="$here/bin/Release/net10.0/CrbnRnaCountBench"

# correctness first: crbn call's gene counts (strand auto-detected) equal featureCounts -s 2 -p --countReadPairs
CRBN_LOG_LEVEL=Information $call 2> "$work/call.log"
grep -E "RNA:|reads over" "$work/call.log" | sed 's/^/# /' >&2
featureCounts -a "$gtf" -o "$work/fc.txt" -s 2 -p --countReadPairs -T "$threads" "$bam" 2>/dev/null
python3 - "$work/call/RNA_BENCH.report.json" "$work/fc.txt" <<'PY' >&2
import json, sys
genes = json.load(open(sys.argv[1]))["expression"]["genes"]
fc = {l.split("\t")[0]: int(l.rstrip("\n").split("\t")[6]) for l in open(sys.argv[2]) if not l.startswith(("#", "Geneid"))}
diff = {g: (v["counts"], fc.get(g)) for g, v in genes.items() if v["counts"] != fc.get(g)}
print(f"# gene counts (crbn call report vs featureCounts): {len(genes) - len(diff)}/{len(genes)} identical" + (f"; DIFFER: {diff}" if diff else ""))
PY

hyperfine -N -w 1 -r "${RUNS:-5}" --export-json "$work/hyperfine.json" \
  -n "crbn call --rna (end to end)" "$call" \
  -n "crbn harness (load + strand + count)" "$harness $bam $gtf --threads $threads" \
  -n "featureCounts -s 2 -p --countReadPairs" "featureCounts -a $gtf -o $work/fc1.txt -s 2 -p --countReadPairs -T $threads $bam" \
  -n "featureCounts -J -s 2 -p --countReadPairs" "featureCounts -J -a $gtf -o $work/fc2.txt -s 2 -p --countReadPairs -T $threads $bam" >&2

python3 - "$work/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
fc = {x["command"]: x["median"] for x in r if x["command"].startswith("featureCounts")}
print("| command | median s | / featureCounts | / featureCounts -J |")
print("|---|---:|---:|---:|")
for x in r:
    m = x["median"]
    print(f"| {x['command']} | {m:.3f} | {m / fc['featureCounts -s 2 -p --countReadPairs']:.2f} | {m / fc['featureCounts -J -s 2 -p --countReadPairs']:.2f} |")
PY
echo "# work folder: $work" >&2
