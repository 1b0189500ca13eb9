#!/usr/bin/env bash
# Regenerates the SYNTHETIC CRBN test world (everything under testdata/ except the scripts and README)
# deterministically from fixed seeds.
#
#   bash testdata/build.sh            rebuild in place and rewrite testdata/SHA256SUMS
#   bash testdata/build.sh --check    rebuild into a temporary folder and compare with testdata/SHA256SUMS
#
# Needs: python3 (stdlib only), dwgsim, bwa, hisat2, samtools, bcftools, tabix/bgzip (installed with
# apt-get when missing). Byte-for-byte identity assumes the Debian 12 versions recorded in README.md.
set -euo pipefail
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODE=build
if [[ "${1:-}" == "--check" ]]; then MODE=check; elif [[ $# -gt 0 ]]; then
  echo "usage: bash testdata/build.sh [--check]" >&2; exit 2
fi

need=()
for pair in dwgsim:dwgsim bwa:bwa hisat2:hisat2 hisat2-build:hisat2 samtools:samtools bcftools:bcftools \
            tabix:tabix bgzip:tabix python3:python3; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair##*:}")
done
if ((${#need[@]})); then
  echo "[build] installing missing Debian packages: ${need[*]}" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y "${need[@]}" >&2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/crbn-testdata.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
START=$(date +%s)
( cd "$HERE" && python3 -m sim.build "$TMP/out" "$TMP/work" )

# validate what was generated: every BAM passes quickcheck, every truth VCF passes bcftools view/norm --check-ref e
( cd "$TMP/out"
  find dna rna -name '*.bam' | sort | xargs samtools quickcheck -v
  for v in $(find dna rna -name '*.truth.vcf.gz' | sort); do
    bcftools view "$v" > /dev/null
    bcftools norm --check-ref e -f reference/crbn_world.GRCh38.fa.gz "$v" -o /dev/null 2> /dev/null \
      || { echo "[build] $v fails bcftools norm --check-ref e" >&2; exit 1; }
  done )
echo "[build] all BAMs pass samtools quickcheck; all truth VCFs pass bcftools view and norm --check-ref e"

GENERATED=(reference dna rna manifest.tsv)
( cd "$TMP/out" && find "${GENERATED[@]}" -type f | sort | xargs sha256sum ) > "$TMP/SHA256SUMS"
echo "[build] generated $(wc -l < "$TMP/SHA256SUMS") files, $(du -sh "$TMP/out" | cut -f1), in $(( $(date +%s) - START )) s"

if [[ $MODE == check ]]; then
  if diff -u "$HERE/SHA256SUMS" "$TMP/SHA256SUMS"; then
    echo "[build] --check: OK, every file is byte-for-byte identical to the committed SHA256SUMS"
  else
    echo "[build] --check: FAILED, the rebuild differs from testdata/SHA256SUMS (diff above)" >&2
    exit 1
  fi
else
  for g in "${GENERATED[@]}"; do rm -rf "${HERE:?}/$g"; cp -r "$TMP/out/$g" "$HERE/$g"; done
  cp "$TMP/SHA256SUMS" "$HERE/SHA256SUMS"
  echo "[build] wrote testdata/ and testdata/SHA256SUMS"
fi
