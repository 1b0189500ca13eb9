#!/usr/bin/env bash
# Builds what bench/gpu/run.sh needs on a GPU machine that has no dotnet: self-contained, trimmed, single-file
# publishes of `crbn` and of the kernel benchmark into bench/work/gpu/ (ignored by git; carry it to the device).
#   bash bench/gpu/publish.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/work/gpu
rm -rf "$OUT"; mkdir -p "$OUT"
PUB=(-c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -p:PublishSingleFile=true
     -p:EnableCompressionInSingleFile=true -p:DebugType=none -nologo -v q)
dotnet publish src/CrbnVariantCaller.Cli "${PUB[@]}" -o "$OUT/crbn"
dotnet publish bench/kernels "${PUB[@]}" -o "$OUT/kernels"
du -sh "$OUT"/* | sed 's/^/[publish] /'
