"""Deterministic generator of the SYNTHETIC CRBN test world (python3 stdlib only).

Entry point: ``python3 -m sim.build OUTDIR`` (run from ``testdata/``); see ``testdata/build.sh``.
"""
