#!/usr/bin/env python3
"""Writes a stage_changed event for every stage each contact of a Masir
workspace passed on the way to the stage it is in now (hours to weeks apart,
after it came), for the funnel's benchmark. Written around Masir: run
`masir-cli report recount` afterwards.

    make_stage_changes.py WORKSPACE
"""
import json
import random
import sqlite3
import sys

ORDER = ["subscriber", "lead", "mql", "sql", "opportunity", "customer"]
ws = sys.argv[1]
db = sqlite3.connect(ws)
db.execute("PRAGMA journal_mode=WAL")
rng = random.Random(1405)
rows = db.execute("SELECT c.id, c.created_at, s.stage FROM contacts c "
                  "JOIN contact_scores s ON s.contact_id = c.id").fetchall()
batch = []
with db:
    for contact, created, stage in rows:
        if stage not in ORDER:
            continue
        at = created
        for i in range(1, ORDER.index(stage) + 1):
            at += rng.randint(3600, 30 * 86400) * 1000
            batch.append((contact, at, json.dumps({"from": ORDER[i - 1], "to": ORDER[i]})))
        if len(batch) >= 100000:
            db.executemany("INSERT INTO events (contact_id, type, occurred_at, payload) "
                           "VALUES (?, 'stage_changed', ?, ?)", batch)
            batch.clear()
    db.executemany("INSERT INTO events (contact_id, type, occurred_at, payload) "
                   "VALUES (?, 'stage_changed', ?, ?)", batch)
print(db.execute("SELECT count(*) FROM events WHERE type = 'stage_changed'").fetchone()[0],
      "stage changes")
