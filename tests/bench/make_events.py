#!/usr/bin/env python3
"""Adds N generated events (opens, clicks, forms, purchases, carts) over the last
year to a Masir workspace's contacts, for the segments/scoring benchmark.

    make_events.py WORKSPACE EVENTS
"""
import random
import sqlite3
import sys
import time

ws, n = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(ws)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
lo, hi = db.execute("SELECT min(id), max(id) FROM contacts").fetchone()
rng = random.Random(1403)
now = int(time.time() * 1000)
year = 365 * 86400000
types = ["email_sent"] * 4 + ["email_opened"] * 3 + ["email_clicked", "page_viewed",
         "form_submitted", "purchase", "cart_abandoned"]
# Bulk insert without the indexes, then rebuild exactly the ones the schema has.
indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                     "tbl_name = 'events' AND sql IS NOT NULL").fetchall()
for name, _ in indexes:
    db.execute("DROP INDEX %s" % name)
batch = []
with db:
    for i in range(n):
        t = rng.choice(types)
        payload = '{"amount":%d}' % rng.randint(5, 500) if t == "purchase" else "{}"
        batch.append((rng.randint(lo, hi), t, now - rng.randint(0, year), payload))
        if len(batch) == 100000:
            db.executemany("INSERT INTO events (contact_id, type, occurred_at, payload) "
                           "VALUES (?, ?, ?, ?)", batch)
            batch.clear()
    db.executemany("INSERT INTO events (contact_id, type, occurred_at, payload) "
                   "VALUES (?, ?, ?, ?)", batch)
with db:
    for _, sql in indexes:
        db.execute(sql)
print(db.execute("SELECT count(*) FROM events").fetchone()[0], "events")
