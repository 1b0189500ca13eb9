#!/usr/bin/env bash
# The GPU proof, run on the device machine from the publishes of bench/gpu/publish.sh (no dotnet needed there):
#   1. list the devices;
#   2. every kernel on CUDA against the managed path on the same 1.5 M-read batch: identical integers, and timings
#      (end to end and kernel-only) for both;
#   3. `crbn call` end to end with --device cuda vs --device cpu on the 2000x deep panel (and on the large BAM when
#      bench/work/large.bam exists, from testdata/make_large_bam.sh), reports compared minus tool fields.
# Writes everything to ${OUT:-bench/work/gpu-out}. Keep the whole run under 8 minutes.
set -uo pipefail
cd "$(dirname "$0")/../.."
PUB=bench/work/gpu
RES=${OUT:-bench/work/gpu-out}
mkdir -p "$RES"
CRBN=$PUB/crbn/crbn
T=testdata; REF=$T/reference/crbn_world.GRCh38.fa.gz
DEVICE=${DEVICE:-cuda}
log() { printf '\n== %s ==\n' "$*" | tee -a "$RES/run.log"; }
timed() { local s=$(date +%s%N); "$@"; local rc=$?; echo "$(( ($(date +%s%N) - s) / 1000000 )) ms (rc $rc): $*" | tee -a "$RES/times.txt"; return $rc; }

log "devices"
nvidia-smi -L 2>&1 | tee -a "$RES/run.log"
$CRBN devices 2>&1 | tee -a "$RES/run.log"

log "kernels: managed CPU vs $DEVICE on 1,000,000 templates (identical integers required)"
$PUB/kernels/CrbnKernelBench 1000000 "cpu,$DEVICE" 2>&1 | tee "$RES/kernels.md"
grep -q '| NO |' "$RES/kernels.md" && echo "PARITY FAILURE" | tee -a "$RES/run.log"

log "crbn call end to end: cpu vs $DEVICE"
call() { # sample device bam...
  local s=$1 d=$2; shift 2
  timed $CRBN call "$@" --reference $REF --out "$RES/$d/$s" --sample "$s" --device "$d" 2>"$RES/$d.$s.log"
}
for d in cpu "$DEVICE"; do
  call DEEP "$d" --dna $T/dna/deep_panel/DEEP_TUMOR.bam --normal $T/dna/deep_panel/DEEP_NORMAL.bam --rna $T/rna/exon10_psi/RNA_PSI020.bam
  call TN60 "$d" --dna $T/dna/tumor_normal_60x/TN60_TUMOR.bam --normal $T/dna/tumor_normal_60x/TN60_NORMAL.bam
  [ -f bench/work/large.bam ] && call LARGE "$d" --dna bench/work/large.bam
done
if command -v python3 >/dev/null; then
  python3 bench/gpu/compare_reports.py "$RES/cpu" "$RES/$DEVICE" | tee -a "$RES/run.log"
fi
grep -h '"backend"\|"device"\|"fallbacks"' "$RES/$DEVICE"/*/*.report.json | tee -a "$RES/run.log"
cat "$RES/times.txt"
