#!/usr/bin/env bash
# Accuracy of `crbn call` (its ID.vcf.gz PASS records) against bcftools and freebayes on the testdata/ truth sets, in one run.
# Usage: bash bench/accuracy/run.sh [WORKDIR]     (default: a fresh temp dir; prints a markdown table)
# Needs: dotnet, bcftools, samtools, freebayes, python3. Every tool sees the same BAMs and the same region
# (chr3:3,148,000-3,181,000) and is scored on the CRBN coding exons +-8 bp (the caller's tested region).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK"
TD="$ROOT/testdata"
REGION="chr3:3148000-3181000"

# Uncompressed reference (freebayes cannot read bgzipped FASTA).
zcat "$TD/reference/crbn_world.GRCh38.fa.gz" > "$WORK/ref.fa"
samtools faidx "$WORK/ref.fa"

# Scored region: CRBN CDS +-8 bp, from the GTF.
awk -F'\t' '$3=="CDS" && $9 ~ /gene_name "CRBN"/ {print $1"\t"($4-1-8)"\t"($5+8)}' "$TD/reference/crbn_world.GRCh38.gtf" \
  | sort -k1,1 -k2,2n > "$WORK/crbn_tested.bed"

# crbn itself, as shipped (ReadyToRun publish, the same as bench/view_count.sh and bench/call_deep_panel.sh).
dotnet publish "$ROOT/src/CrbnVariantCaller.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$ROOT/bench/work/crbn" -nologo -v q >/dev/null
CRBN="$ROOT/bench/work/crbn/crbn"

# sample  bam  truth  normal(or -)
cat > "$WORK/samples.tsv" <<TSV
DEEP_TUMOR	dna/deep_panel/DEEP_TUMOR.bam	dna/deep_panel/DEEP_TUMOR.truth.vcf.gz	dna/deep_panel/DEEP_NORMAL.bam
TN60_TUMOR	dna/tumor_normal_60x/TN60_TUMOR.bam	dna/tumor_normal_60x/TN60_TUMOR.truth.vcf.gz	dna/tumor_normal_60x/TN60_NORMAL.bam
WGS_NEG	dna/wgs_negative/WGS_NEG.bam	dna/wgs_negative/WGS_NEG.truth.vcf.gz	-
TN60_NORMAL	dna/tumor_normal_60x/TN60_NORMAL.bam	dna/tumor_normal_60x/TN60_NORMAL.truth.vcf.gz	-
DEEP_NORMAL	dna/deep_panel/DEEP_NORMAL.bam	dna/deep_panel/DEEP_NORMAL.truth.vcf.gz	-
PON_N1	dna/copy_number/PON_N1.bam	dna/copy_number/PON_N1.truth.vcf.gz	-
PON_N2	dna/copy_number/PON_N2.bam	dna/copy_number/PON_N2.truth.vcf.gz	-
PON_N3	dna/copy_number/PON_N3.bam	dna/copy_number/PON_N3.truth.vcf.gz	-
PON_N4	dna/copy_number/PON_N4.bam	dna/copy_number/PON_N4.truth.vcf.gz	-
CN_NEUTRAL	dna/copy_number/CN_NEUTRAL.bam	dna/copy_number/CN_NEUTRAL.truth.vcf.gz	-
TSV

now_ms() { date +%s%3N; }
: > "$WORK/times.tsv"
while IFS=$'\t' read -r sample bam truth normal; do
  # crbn call (tumour-normal when a normal exists); its VCF is scored like the peers' (PASS records, normalised)
  args=(call --dna "$TD/$bam" --reference "$TD/reference/crbn_world.GRCh38.fa.gz" --sample "$sample" --out "$WORK/$sample.crbn")
  [[ "$normal" != "-" ]] && args+=(--normal "$TD/$normal")
  t0=$(now_ms); "$CRBN" "${args[@]}" 2>"$WORK/$sample.crbn.log"; t1=$(now_ms)
  echo -e "$sample\tcrbn\t$((t1-t0))" >> "$WORK/times.tsv"
  bcftools norm -f "$WORK/ref.fa" -m -both "$WORK/$sample.crbn/$sample.vcf.gz" 2>/dev/null > "$WORK/$sample.crbn.vcf"

  # bcftools: caps lifted (-d 0 is not unlimited in 1.16)
  t0=$(now_ms)
  bcftools mpileup -a AD -d 100000 -L 100000 -f "$WORK/ref.fa" -r "$REGION" "$TD/$bam" 2>/dev/null \
    | bcftools call -mv 2>/dev/null | bcftools norm -f "$WORK/ref.fa" -m -both 2>/dev/null > "$WORK/$sample.bcftools.vcf"
  t1=$(now_ms); echo -e "$sample\tbcftools\t$((t1-t0))" >> "$WORK/times.tsv"

  # freebayes, low-frequency mode
  t0=$(now_ms)
  freebayes -f "$WORK/ref.fa" -F 0.01 -C 2 --pooled-continuous -r "$REGION" "$TD/$bam" 2>/dev/null \
    | bcftools norm -f "$WORK/ref.fa" -m -both 2>/dev/null > "$WORK/$sample.freebayes.vcf"
  t1=$(now_ms); echo -e "$sample\tfreebayes\t$((t1-t0))" >> "$WORK/times.tsv"
done < "$WORK/samples.tsv"

python3 "$ROOT/bench/accuracy/score.py" "$WORK" "$TD"
