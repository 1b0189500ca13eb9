#!/usr/bin/env bash
# Gene counting: crbn (bench/rna harness: BAM decode -> read batch -> strandedness detection -> feature-count kernel)
# against featureCounts 2.x, plain and with -J (junction counting, as the issue asks), on one larger RNA BAM,
# in one hyperfine run. Prints the timings, the ratios, and checks the gene counts are identical.
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

dotnet build -c Release "$here/RnaCountBench.csproj" -v q -nologo >/dev/null
crbn="$here/bin/Release/net10.0/CrbnRnaCountBench"

# correctness first: identical counts (strand auto-detected by crbn, -s 2 for featureCounts)
"$crbn" "$bam" "$gtf" --threads "$threads" > "$work/crbn.counts" 2> "$work/crbn.log"
cat "$work/crbn.log" >&2
featureCounts -a "$gtf" -o "$work/fc.txt" -s 2 -p --countReadPairs -T "$threads" "$bam" 2>/dev/null
tail -n +3 "$work/fc.txt" | cut -f1,7 | sort > "$work/fc.counts"
sort "$work/crbn.counts" > "$work/crbn.sorted"
if diff -q "$work/fc.counts" "$work/crbn.sorted" >/dev/null; then echo "# gene counts: identical to featureCounts ($(wc -l < "$work/fc.counts") genes)" >&2
else echo "# gene counts DIFFER from featureCounts:" >&2; diff "$work/fc.counts" "$work/crbn.sorted" >&2 || true; fi

hyperfine -N -w 1 -r 5 --export-json "$work/hyperfine.json" \
  -n "crbn (auto strand, -p --countReadPairs)" "$crbn $bam $gtf --threads $threads" \
  -n "featureCounts -s 2 -p --countReadPairs" "featureCounts -a $gtf -o $work/fc1.txt -s 2 -p --countReadPairs -T $threads $bam" \
  -n "featureCounts -J -s 2 -p --countReadPairs" "featureCounts -J -a $gtf -o $work/fc2.txt -s 2 -p --countReadPairs -T $threads $bam" >&2

python3 - "$work/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
crbn = r[0]["mean"]
print(f"{'command':45s} {'mean s':>8s} {'sd':>6s} {'crbn / this':>12s}")
for x in r:
    print(f"{x['command']:45s} {x['mean']:8.3f} {x['stddev']:6.3f} {crbn / x['mean']:12.2f}")
PY
echo "# work folder: $work" >&2
