#!/usr/bin/env python3
"""Compares every *.report.json under two folders, ignoring the `tool` section (backend, device, fallbacks,
command line), input paths, and the backend named inside `expression.source` ("feature-count kernel (Cuda), ..."). Prints one line per report and exits 1 when any differs or is missing."""
import json
import re
import sys
from pathlib import Path


def load(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    report.pop("tool", None)
    report.pop("inputs", None)
    expression = report.get("expression") or {}
    if isinstance(expression.get("source"), str):
        expression["source"] = re.sub(r"kernel \(\w+\)", "kernel (backend)", expression["source"])
    return report


def main(before: str, after: str) -> int:
    a_files = {p.relative_to(before): p for p in Path(before).rglob("*.report.json")}
    b_files = {p.relative_to(after): p for p in Path(after).rglob("*.report.json")}
    bad = 0
    for rel in sorted(set(a_files) | set(b_files)):
        if rel not in a_files or rel not in b_files:
            print(f"MISSING {rel}")
            bad += 1
        elif load(a_files[rel]) != load(b_files[rel]):
            print(f"DIFFERS {rel}")
            bad += 1
        else:
            print(f"same    {rel}")
    print(f"{len(a_files)} before, {len(b_files)} after, {bad} differ or missing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
