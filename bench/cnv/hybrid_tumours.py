"""Prints the tumour samples of testdata/dna/copy_number_hybrid/truth.json, space-separated, in the truth's order
(bench/cnv/run.sh and replicates.sh take their hybrid tumours from here, so a new scenario needs no list edits).

Usage: python3 bench/cnv/hybrid_tumours.py TRUTH_JSON
"""
import json
import sys

print(" ".join(s["sample"] for s in json.load(open(sys.argv[1]))["samples"] if s["role"] == "tumor"))
