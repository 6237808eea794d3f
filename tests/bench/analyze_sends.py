#!/usr/bin/env python3
"""Reads the SMTP sink's log.jsonl: how many messages arrived, the busiest
one-second window, and the spread.  analyze_sends.py LOG [EXCLUDE_ID_PREFIX]"""
import json
import sys

times = sorted(json.loads(l)["t"] for l in open(sys.argv[1]) if l.strip()
               and not (json.loads(l).get("masir_id") or "").startswith("ref"))
busiest, j = 0, 0
for i, t in enumerate(times):
    while times[j] <= t - 1.0:
        j += 1
    busiest = max(busiest, i - j + 1)
span = times[-1] - times[0] if times else 0
print(f"{len(times)} {busiest} {span:.2f}")
