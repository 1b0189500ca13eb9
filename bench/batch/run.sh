#!/usr/bin/env bash
# crbn batch --jobs N on 48 samples against 48 sequential `crbn call` runs of the same rows, in one run.
# Usage: bash bench/batch/run.sh [WORKDIR] [JOBS]   (default: a fresh temp dir, JOBS=2; prints a markdown table)
# The 48 rows are the 13 rows of testdata/batch/samples.csv (SYNTHETIC) repeated, each row's BAMs symlinked under
# its own name; DNA rows get the panel of normals built from PON_N1..4 (as workflow/config/testdata.yaml does).
# Both sides run `nice`d, on --device cpu, one process at a time, with the same ReadyToRun build; wall and peak RSS come
# from GNU time (%e, %M: the peak resident set of the one process). Criteria (issue 9): batch peak RSS < 1 GB and
# batch wall <= (sum of the 48 call walls) / JOBS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-$(mktemp -d)}"
JOBS="${2:-2}"
N=48
mkdir -p "$WORK"
TD="$ROOT/testdata"
REF="$TD/reference/crbn_world.GRCh38.fa.gz"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench/batch: GNU time (/usr/bin/time, Debian package 'time') is needed for peak RSS" >&2; exit 2; }

dotnet publish "$ROOT/src/CrbnVariantCaller.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$ROOT/bench/work/crbn" -nologo -v q >/dev/null
CRBN="$ROOT/bench/work/crbn/crbn"

# The 48-row sheet: row i is testdata row (i-1) mod 13, its BAMs (and indexes) symlinked as S<i>_<file>.
"$CRBN" sheet --samples "$TD/batch/samples.csv" > "$WORK/testdata_plan.json"
python3 - "$WORK" "$N" <<'PY'
import json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
plan = json.load(open(os.path.join(work, "testdata_plan.json")))["samples"]
bams = os.path.join(work, "bams"); os.makedirs(bams, exist_ok=True)
cols = ["dna", "normal", "rna"]
lines = ["# SYNTHETIC: testdata/batch/samples.csv rows repeated to %d samples (symlinked BAMs)" % n, "sample," + ",".join(cols)]
for i in range(n):
    row = plan[i % len(plan)]
    call = row["call"]; opts = dict(zip(call[0::2], call[1::2]))
    cells = []
    for c in cols:
        src = opts.get("--" + c)
        if src is None:
            cells.append(""); continue
        dst = os.path.join(bams, "S%02d_%s" % (i + 1, os.path.basename(src)))
        for ext in ("", ".bai"):
            if not os.path.lexists(dst + ext):
                os.symlink(src + ext, dst + ext)
        cells.append(dst)
    lines.append("S%02d_%s,%s" % (i + 1, row["sample"], ",".join(cells)))
open(os.path.join(work, "samples48.csv"), "w").write("\n".join(lines) + "\n")
PY
SHEET="$WORK/samples48.csv"
"$CRBN" pon --normals "$TD"/dna/copy_number/PON_N{1,2,3,4}.bam --reference "$REF" --out "$WORK/pon.tsv" --device cpu >/dev/null 2>&1
export CRBN_LOG_LEVEL=Warning

# 48 sequential crbn call runs, each with the options crbn batch gives its row (crbn sheet prints them).
rm -rf "$WORK/seq" "$WORK/batch"; mkdir -p "$WORK/seq"
"$CRBN" sheet --samples "$SHEET" | python3 -c '
import json, shlex, sys
for row in json.load(sys.stdin)["samples"]:
    print(("1 " if row["dna"] else "0 ") + " ".join(map(shlex.quote, row["call"])))' > "$WORK/calls.txt"
: > "$WORK/seq_times.txt"
while read -r dna args; do
  pon=(); [ "$dna" = 1 ] && pon=(--pon "$WORK/pon.tsv")
  eval "set -- $args"
  $TIME -f "%e %M" -a -o "$WORK/seq_times.txt" nice "$CRBN" call "$@" --reference "$REF" --out "$WORK/seq" --device cpu "${pon[@]}" >/dev/null
done < "$WORK/calls.txt"
$TIME -f "%e %M" -o "$WORK/seq_summarize.txt" nice "$CRBN" summarize --samples "$SHEET" --out "$WORK/seq" >/dev/null

# The batch.
$TIME -f "%e %M" -o "$WORK/batch_time.txt" nice "$CRBN" batch --samples "$SHEET" --reference "$REF" --out "$WORK/batch" \
  --pon "$WORK/pon.tsv" --jobs "$JOBS" --device cpu > /dev/null

# Same results: the batch's summary equals crbn summarize over the 48 separate calls.
same=$(cmp -s "$WORK/batch/summary.tsv" "$WORK/seq/summary.tsv" && echo yes || echo NO)
python3 - "$WORK" "$JOBS" "$N" "$same" "$(nproc)" <<'PY'
import sys
work, jobs, n, same, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
seq = [tuple(map(float, l.split())) for l in open(f"{work}/seq_times.txt") if l.strip() and l[0].isdigit()]
assert len(seq) == n, f"{len(seq)} timed calls, expected {n}"
summ = tuple(map(float, open(f"{work}/seq_summarize.txt").read().split()[-2:]))
bw, brss = map(float, open(f"{work}/batch_time.txt").read().split()[-2:])
total = sum(w for w, _ in seq)
limit = total / jobs
print(f"| measure ({n} samples, {cores} cores, nice, --device cpu) | value |")
print("|---|---|")
print(f"| 48 sequential `crbn call`: sum of walls | {total:.1f} s |")
print(f"| per call: mean / min / max wall | {total/n:.2f} / {min(w for w,_ in seq):.2f} / {max(w for w,_ in seq):.2f} s |")
print(f"| per call: peak RSS (largest call) | {max(r for _,r in seq)/1024:.0f} MB |")
print(f"| `crbn summarize` over the 48 call outputs | {summ[0]:.1f} s, {summ[1]/1024:.0f} MB |")
print(f"| `crbn batch --jobs {jobs}`: wall | {bw:.1f} s ({bw/n:.2f} s per sample) |")
print(f"| `crbn batch --jobs {jobs}`: peak RSS | {brss/1024:.0f} MB |")
print(f"| limit: sum of call walls / {jobs} | {limit:.1f} s |")
print(f"| batch wall / limit | {bw/limit:.2f} ({'PASS' if bw <= limit else 'FAIL'}: must be <= 1.0) |")
print(f"| batch peak RSS < 1 GB | {'PASS' if brss < 1024*1024 else 'FAIL'} ({brss/1024:.0f} MB) |")
print(f"| batch summary.tsv == summarize over the 48 calls | {same} |")
PY
