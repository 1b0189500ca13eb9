#!/usr/bin/env bash
# Host memory of `crbn call --dna` on the large BAM (testdata/make_large_bam.sh: 213 MB, 2.97 M records, ~411 k over
# the CRBN region), at several --chunk-reads and under a capped managed heap (DOTNET_GCHeapHardLimit), against
# `samtools mpileup` over the same region as the peer, in one run. Prints wall time, peak RSS and exit code per row.
#   bash bench/memory/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
LARGE=bench/work/large.bam
[ -f "$LARGE" ] || bash testdata/make_large_bam.sh "$LARGE"
REF=testdata/reference/crbn_world.GRCh38.fa.gz
dotnet build src/CrbnVariantCaller.Cli -c Release -nologo -v q >/dev/null
CRBN="dotnet src/CrbnVariantCaller.Cli/bin/Release/net10.0/crbn.dll"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
row() { # label, env, command...
  local label=$1 env=$2; shift 2
  /usr/bin/time -f "%e %M %x" -o "$OUT/t" env $env "$@" >/dev/null 2>"$OUT/err" || true
  read -r wall rss rc < <(tail -1 "$OUT/t")
  printf '| %s | %s s | %d MB | %s |\n' "$label" "$wall" $((rss / 1024)) "$rc"
}
echo "| run | wall | peak RSS | exit |"
echo "|---|---:|---:|---:|"
row "samtools mpileup -B -d 0 over CRBN (peer)" "X=1" samtools mpileup -B -d 0 -r chr3:3147633-3181717 -o "$OUT/p" "$LARGE"
for chunk in 262144 100000 50000; do
  row "crbn call, --chunk-reads $chunk" "X=1" $CRBN call --dna "$LARGE" --reference "$REF" --out "$OUT/c$chunk" --sample L --device cpu --chunk-reads "$chunk"
done
for limit in 0x8000000 0x5000000; do
  row "crbn call, --chunk-reads 50000, managed heap capped at $((limit / 1048576)) MB" "DOTNET_GCHeapHardLimit=$limit" \
    $CRBN call --dna "$LARGE" --reference "$REF" --out "$OUT/l$limit" --sample L --device cpu --chunk-reads 50000
done
