#!/usr/bin/env python3
"""A loopback HTTP server imitating SMS gateway APIs (Twilio, Kavenegar) for tests.

    /usr/bin/python3 http_sink.py --port N --log FILE.jsonl [--ready-file F] \\
        [--twilio-sid AC0001] [--twilio-token twtoken] [--kavenegar-key kvkey]

Every request is appended to the log as one JSON line (flushed): t, method, path,
query, headers, body, form, json. It is logged when received, before the reply.

Routes (POST only; anything else answers 404 {"error":"not found"}):
  /2010-04-01/Accounts/<sid>/Messages.json   Twilio: Basic auth sid:token,
        form To/From/Body; 401, 400 (21604 missing field, 21211 To without '+'),
        201 {"sid":"SM...","status":"queued",...}
  /v1/<key>/sms/send.json                    Kavenegar: form receptor (comma
        separated), sender, message; 403 bad key, 400 missing field,
        HTTP 200 with return.status 411 for a receptor not matching ^09\\d{9}$,
        HTTP 200 with one entry per receptor on success
  /slow/...          sleeps 5 s, then 200 {}
  /status/<code>     (200-599) replies with that HTTP status and {"error":"status <code>"}

SIGTERM/SIGINT shut the server down and exit 0.
"""
import argparse
import base64
import binascii
import itertools
import json
import os
import re
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TWILIO_PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages\.json$")
KAVENEGAR_PATH = re.compile(r"^/v1/([^/]+)/sms/send\.json$")
STATUS_PATH = re.compile(r"^/status/(\d{3})$")
IRAN_MOBILE = re.compile(r"^09\d{9}$")


def kavenegar_error(status, message):
    return {"return": {"status": status, "message": message}, "entries": None}


class SinkServer(ThreadingHTTPServer):
    """Holds configuration and the shared (locked) log and counters."""

    daemon_threads = True

    def __init__(self, address, log_path, twilio_sid, twilio_token, kavenegar_key):
        super().__init__(address, Handler)
        self.twilio_sid = twilio_sid
        self.twilio_token = twilio_token
        self.kavenegar_key = kavenegar_key
        self.lock = threading.Lock()
        self.log = open(log_path, "a", encoding="utf-8")
        self.message_ids = itertools.count(8792300)

    def record(self, entry):
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.lock:
            self.log.write(line)
            self.log.flush()

    def handle_error(self, request, client_address):
        # A client that gave up (e.g. timed out on /slow/) is not an error here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def next_message_id(self):
        with self.lock:
            return next(self.message_ids)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every reply has Content-Length

    def log_message(self, fmt, *args):  # quiet
        pass

    # All methods share one entry point; only POST routes exist.
    def do_POST(self):
        self.handle_any()

    do_GET = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_POST

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # skip trailers
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()  # CRLF after each chunk
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def send_json(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        bodiless = status in (204, 304)  # these must not carry a body
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if not bodiless:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and not bodiless:
            self.wfile.write(data)

    def handle_any(self):
        raw = self.read_body()
        text = raw.decode("utf-8", errors="replace")
        url = urlsplit(self.path)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        form = None
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
        try:
            body_json = json.loads(text) if text.strip() else None
        except ValueError:
            body_json = None
        self.server.record({
            "t": time.time(), "method": self.command, "path": url.path,
            "query": url.query, "headers": dict(self.headers.items()),
            "body": text, "form": form, "json": body_json,
        })

        path = url.path
        if self.command == "POST":
            m = TWILIO_PATH.match(path)
            if m:
                return self.twilio(m.group(1), form or {})
            m = KAVENEGAR_PATH.match(path)
            if m:
                return self.kavenegar(m.group(1), form or {})
            if path.startswith("/slow/"):
                time.sleep(5)
                return self.send_json(200, {})
            m = STATUS_PATH.match(path)
            if m and 200 <= int(m.group(1)) <= 599:
                code = int(m.group(1))
                return self.send_json(code, {"error": f"status {code}"})
        self.send_json(404, {"error": "not found"})

    def basic_auth(self):
        """(user, password) from the Authorization header, or None."""
        value = self.headers.get("Authorization", "")
        if not value.lower().startswith("basic "):
            return None
        try:
            user, sep, password = base64.b64decode(value[6:].strip(),
                                                   validate=True).decode().partition(":")
        except (binascii.Error, ValueError):
            return None
        return (user, password) if sep else None

    def twilio(self, sid, form):
        srv = self.server
        if sid != srv.twilio_sid or self.basic_auth() != (srv.twilio_sid, srv.twilio_token):
            return self.send_json(401, {"code": 20003, "message": "Authenticate",
                                        "status": 401})
        field = {k: (form.get(k) or [""])[0] for k in ("To", "From", "Body")}
        if not all(field.values()):
            return self.send_json(400, {"code": 21604,
                                        "message": "A 'To' phone number is required.",
                                        "status": 400})
        if not field["To"].startswith("+"):
            return self.send_json(400, {
                "code": 21211, "status": 400,
                "message": f"The 'To' number {field['To']} is not a valid phone number."})
        self.send_json(201, {"sid": "SM" + uuid.uuid4().hex, "status": "queued",
                             "to": field["To"], "from": field["From"],
                             "body": field["Body"]})

    def kavenegar(self, key, form):
        if key != self.server.kavenegar_key:
            return self.send_json(403, kavenegar_error(403, "کلید API نامعتبر"))
        receptor, sender, message = ((form.get(k) or [""])[0]
                                     for k in ("receptor", "sender", "message"))
        if not (receptor and sender and message):
            return self.send_json(400, kavenegar_error(400, "پارامترها ناقص هستند"))
        numbers = [r.strip() for r in receptor.split(",")]
        if not all(IRAN_MOBILE.match(r) for r in numbers):
            # Kavenegar reports this kind of error in the body with HTTP 200.
            return self.send_json(200, kavenegar_error(411, "گیرنده نامعتبر"))
        now = int(time.time())
        entries = [{"messageid": self.server.next_message_id(), "message": message,
                    "status": 1, "statustext": "در صف ارسال", "sender": sender,
                    "receptor": r, "date": now, "cost": 120} for r in numbers]
        self.send_json(200, {"return": {"status": 200, "message": "تایید شد"},
                             "entries": entries})


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True, help="JSON-lines request log")
    p.add_argument("--ready-file")
    p.add_argument("--twilio-sid", default="AC0001")
    p.add_argument("--twilio-token", default="twtoken")
    p.add_argument("--kavenegar-key", default="kvkey")
    args = p.parse_args()

    try:
        server = SinkServer(("127.0.0.1", args.port), args.log, args.twilio_sid,
                            args.twilio_token, args.kavenegar_key)
    except OSError as exc:
        print(f"http_sink: cannot listen: {exc}", file=sys.stderr)
        return 1

    # shutdown() blocks until serve_forever() returns, so call it from a thread.
    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as fh:
            fh.write("ready\n")
        os.replace(tmp, args.ready_file)

    server.serve_forever(poll_interval=0.2)
    server.server_close()
    server.log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
