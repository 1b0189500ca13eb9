#!/usr/bin/env bash
# Builds the large (>= 200 MB) SYNTHETIC BAM used by bench/ on demand; it is never committed.
#   bash testdata/make_large_bam.sh OUT.bam [DEPTH]
# DEPTH (default 1200) is the diploid depth over the whole CRBN window chr3:3,050,000-3,300,000; the
# haplotype mixture is the 60x tumour's (testdata/dna/tumor_normal_60x), so the same truth applies.
# Deterministic for a given DEPTH (fixed seeds; bwa mem -K fixes the batch size, so -t 2 is reproducible).
set -euo pipefail
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
if [[ $# -lt 1 ]]; then echo "usage: bash testdata/make_large_bam.sh OUT.bam [DEPTH]" >&2; exit 2; fi
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(realpath -m "$1")
DEPTH=${2:-1200}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/crbn-large.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
START=$(date +%s)
( cd "$HERE" && python3 -m sim.large "$OUT" "$TMP" "$DEPTH" )
echo "[large] $OUT: $(du -h "$OUT" | cut -f1), $(samtools view -c "$OUT") records, $(( $(date +%s) - START )) s"
