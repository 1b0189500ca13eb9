#!/usr/bin/env bash
# bench/cnv: crbn copy number against CNVkit (Debian `cnvkit`, its documented hybrid and WGS modes, the same normals)
# and a mosdepth depth ratio, on the SYNTHETIC copy-number scenarios; plus WGS binning speed, crbn vs
# `mosdepth -t 2 --by BINS`, on the same BAMs in the same run. Writes bench/cnv/results.md and results.tsv.
#
#   bash bench/cnv/run.sh [WGS_DEPTH]      (default 40; needs samtools, cnvkit, mosdepth, python3, the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
DEPTH=${1:-40}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/crbn-bench-cnv.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export CRBN_LOG_LEVEL=Warning
REF=$REPO/testdata/reference/crbn_world.GRCh38.fa.gz
BED=$REPO/testdata/reference/cn_hybrid_targets.bed
HYB=$REPO/testdata/dna/copy_number_hybrid
NORMALS=(CNH_N1 CNH_N2 CNH_N3 CNH_N4 CNH_N5_NOISY)
TUMOURS=($(python3 bench/cnv/hybrid_tumours.py "$HYB/truth.json"))
for t in samtools cnvkit mosdepth python3 dotnet; do command -v $t >/dev/null || { echo "bench/cnv: $t is missing" >&2; exit 2; }; done

# Debian's mosdepth binary dlopens libhts.so; Debian ships libhts.so.3 only (without libhts-dev).
mkdir -p "$WORK/lib"; ln -sf "$(ls /usr/lib/*/libhts.so.3 | head -1)" "$WORK/lib/libhts.so"
mosdepth() { LD_LIBRARY_PATH="$WORK/lib" command mosdepth "$@"; }

dotnet build src/CrbnVariantCaller.Cli -c Release -nologo -v q >/dev/null
CRBN=$REPO/src/CrbnVariantCaller.Cli/bin/Release/net10.0/crbn
echo "[cnv] $($CRBN --version | head -1), $(cnvkit version 2>/dev/null | tail -1 | sed 's/^/cnvkit /'), $(mosdepth --version)"

# CNVkit reads a plain FASTA; access = the sequence windows (everything else is N).
zcat "$REF" > "$WORK/ref.fa"; samtools faidx "$WORK/ref.fa"
python3 -c "
import json; w=json.load(open('$REPO/testdata/reference/crbn_world.json'))['windows']
print(''.join(f\"{x['chrom']}\t{x['start']-1}\t{x['end']}\n\" for x in w), end='')" > "$WORK/access.bed"

# ------------------------------------------------------------------ hybrid capture (committed testdata)
echo "[cnv] hybrid: crbn pon + call"
HYB_NORMALS=(); for n in "${NORMALS[@]}"; do HYB_NORMALS+=("$HYB/$n.bam"); done
$CRBN pon --normals "${HYB_NORMALS[@]}" --reference "$REF" --targets "$BED" --out "$WORK/hyb_pon.tsv" --device cpu >/dev/null
for s in "${NORMALS[@]}" "${TUMOURS[@]}"; do ln -sf "$HYB/$s.bam" "$WORK/$s.bam"; ln -sf "$HYB/$s.bam.csi" "$WORK/$s.bam.csi"; done
for s in "${TUMOURS[@]}"; do
  $CRBN call --dna "$HYB/$s.bam" --reference "$REF" --pon "$WORK/hyb_pon.tsv" --out "$WORK/crbn_hyb" --device cpu >/dev/null
done
echo "[cnv] hybrid: cnvkit batch (hybrid mode, the same five normals, 50-kb antitargets)"
( cd "$WORK" && cnvkit batch "${TUMOURS[@]/%/.bam}" --normal "${NORMALS[@]/%/.bam}" --targets "$BED" --fasta ref.fa \
    --access access.bed --antitarget-avg-size 50000 --output-reference hyb_ref.cnn --output-dir cnvkit_hyb -p 2 \
    > cnvkit_hyb.log 2>&1 ) || { tail -20 "$WORK/cnvkit_hyb.log"; exit 1; }

# ------------------------------------------------------------------ WGS (simulated here, never committed)
echo "[cnv] WGS: simulating ${DEPTH}x"
( cd testdata && python3 -m sim.cn_wgs -j 2 "$WORK/wgs" "$DEPTH" ) | sed 's/^/[cnv]   /'
WN=(WGS_N1 WGS_N2 WGS_N3 WGS_N4); WT=(WGS_DEL3P_P40 WGS_DEL3P_P30 WGS_CNLOH WGS_NEUTRAL)
python3 -c "
import json; w=json.load(open('$REPO/testdata/reference/crbn_world.json'))['windows']
for x in w:
    for s in range(x['start']-1, x['end'], 10000): print(f\"{x['chrom']}\t{s}\t{min(s+10000, x['end'])}\")" > "$WORK/bins10k.bed"

echo "[cnv] WGS: binning speed, crbn pon (2 normals, reference scan included) vs mosdepth -t 2 --by 10-kb bins"
t0=$(date +%s.%N); $CRBN pon --normals "$WORK/wgs/WGS_N1.bam" "$WORK/wgs/WGS_N2.bam" --reference "$REF" --out "$WORK/speed_pon.tsv" --device cpu --threads 2 >/dev/null; t1=$(date +%s.%N)
for n in WGS_N1 WGS_N2; do mosdepth -t 2 -n --by "$WORK/bins10k.bed" "$WORK/md_$n" "$WORK/wgs/$n.bam"; done; t2=$(date +%s.%N)
CRBN_S=$(echo "$t1 - $t0" | bc); MD_S=$(echo "$t2 - $t1" | bc)
READS=$(samtools view -c "$WORK/wgs/WGS_N1.bam")

echo "[cnv] WGS: crbn pon + call"
WGS_NORMALS=(); for n in "${WN[@]}"; do WGS_NORMALS+=("$WORK/wgs/$n.bam"); done
$CRBN pon --normals "${WGS_NORMALS[@]}" --reference "$REF" --out "$WORK/wgs_pon.tsv" --device cpu --threads 2 >/dev/null
for s in "${WT[@]}"; do $CRBN call --dna "$WORK/wgs/$s.bam" --reference "$REF" --pon "$WORK/wgs_pon.tsv" --out "$WORK/crbn_wgs" --device cpu >/dev/null; done
echo "[cnv] WGS: cnvkit batch -m wgs (the same four normals, 10-kb bins)"
( cd "$WORK/wgs" && cnvkit batch "${WT[@]/%/.bam}" --normal "${WN[@]/%/.bam}" -m wgs --fasta ../ref.fa --access ../access.bed \
    --target-avg-size 10000 --output-reference ../wgs_ref.cnn --output-dir ../cnvkit_wgs -p 2 > ../cnvkit_wgs.log 2>&1 ) \
    || { tail -20 "$WORK/cnvkit_wgs.log"; exit 1; }
echo "[cnv] WGS: mosdepth ratio (10-kb bins, tumour / median normal, centred on autosomes other than chr3)"
for s in "${WN[@]}" "${WT[@]}"; do [ -f "$WORK/md_$s.regions.bed.gz" ] || mosdepth -t 2 -n --by "$WORK/bins10k.bed" "$WORK/md_$s" "$WORK/wgs/$s.bam"; done

python3 bench/cnv/summarise.py "$WORK" "$REPO" "$CRBN_S" "$MD_S" "$READS" "$DEPTH"
