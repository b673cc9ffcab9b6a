#!/usr/bin/env python3
"""Regenerates signal_ids.csv: DESIGN.md § 6's signal id computed with Python's hashlib, independently of the C# code.
Run with Debian's /usr/bin/python3 from this folder: /usr/bin/python3 signal_ids.py > signal_ids.csv"""
import hashlib

CASES = [
    ("audnzd-h4", "AUDUSD-NZDUSD", "2026-12-07T08:00:00Z", "20261207_1149_bf3d558", "entry"),
    ("audnzd-h4", "AUDUSD-NZDUSD", "2026-12-07T08:00:00Z", "20261207_1149_bf3d558", "exit"),
    ("audnzd-h4", "AUDUSD-NZDUSD", "2026-12-07T12:00:00Z", "20261207_1149_bf3d558", "entry"),
    ("eurgbp.h1", "EURUSD-GBPUSD", "2020-02-29T23:00:00Z", "20200301_0000_abcdef0", "entry"),
    ("métaux-é", "XAUUSD-XAGUSD", "1999-12-31T20:00:00Z", "v1", "exit"),
]

print("model_id,pair_id,bar_open_time,model_version,action,id")
for case in CASES:
    digest = hashlib.sha256("|".join(case).encode("utf-8")).digest()[:16].hex()
    print(",".join(case) + "," + digest)
