#!/usr/bin/env python3
"""Reference client for the sending benchmark: Python's smtplib sends COUNT
messages of SIZE bytes over one STARTTLS + AUTH connection to the loopback sink.

    /usr/bin/python3 smtp_reference.py PORT CAFILE USER PASSWORD COUNT
"""
import smtplib
import ssl
import sys
import time

port, cafile, user, password, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
ctx = ssl.create_default_context(cafile=cafile)
body = ("From: news@shop.test\r\nTo: ref@example.net\r\nSubject: reference\r\n"
        "X-Masir-Id: ref\r\n\r\n" + ("x" * 75 + "\r\n") * 40)
start = time.monotonic()
with smtplib.SMTP("localhost", int(port)) as s:
    s.starttls(context=ctx)
    s.login(user, password)
    for i in range(count):
        s.sendmail("news@shop.test", [f"ref{i}@example.net"], body)
elapsed = time.monotonic() - start
print(f"{count / elapsed:.0f}")
