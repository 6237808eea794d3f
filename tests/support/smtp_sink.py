#!/usr/bin/env python3
"""A loopback SMTP server for the sending tests: TLS, AUTH and scripted replies.

    /usr/bin/python3 smtp_sink.py --dir OUT --cert CERT.pem --key KEY.pem \\
        --user U --password P [--starttls-port N] [--tls-port N] [--plain-port N] \\
        [--ready-file F] [--delay-ms N] [--verbose]

Needs Debian's python3-aiosmtpd (1.4.x), so run it with /usr/bin/python3.

Listeners (all on 127.0.0.1, all require AUTH before MAIL):
  --starttls-port  offers STARTTLS and requires it before AUTH/MAIL
  --tls-port       implicit TLS (SMTPS)
  --plain-port     no TLS; AUTH allowed in clear text (benchmarks only)
AUTH mechanisms: PLAIN, LOGIN, XOAUTH2 (the bearer token must equal --password).

Recipients: bounce* -> 550 5.1.1, policy* -> 550 5.7.1 (a refusal that is not a
bounce), greylist* -> 451 the first time the address is seen, tempfail* -> always
451, anything else -> 250.

Output in OUT:
  msg-NNNNNN.eml     raw message of each accepted DATA
  log.jsonl          one line per message: t, conn, listener, mail_from, rcpt,
                     masir_id, auth_mech, file
  connections.jsonl  one {"event":"connect", ...} line per TCP connection
  (connections whose implicit-TLS handshake fails are not recorded)

SIGTERM/SIGINT stop the listeners and exit 0.
"""
import argparse
import asyncio
import base64
import binascii
import json
import logging
import os
import re
import signal
import ssl
import sys
import time
import warnings
from email.parser import BytesHeaderParser
from email.policy import default as default_policy

from aiosmtpd.controller import UnthreadedController
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOST = "127.0.0.1"
CODE_INVALID = "535 5.7.8 Authentication credentials invalid"


class Sink:
    """aiosmtpd handler: recipient rules, message storage and logs.

    Everything runs on one asyncio loop, so plain counters need no locking.
    """

    def __init__(self, out_dir, user, password, delay_ms):
        self.out_dir = out_dir
        self.user = user.encode()
        self.password = password.encode()
        self.delay = delay_ms / 1000.0
        self.greylisted = set()
        self.next_conn = 1
        self.seq = self._last_sequence(out_dir)
        # Line-buffered appends; we flush explicitly after every line anyway.
        self.msg_log = open(os.path.join(out_dir, "log.jsonl"), "a", encoding="utf-8")
        self.conn_log = open(os.path.join(out_dir, "connections.jsonl"), "a",
                             encoding="utf-8")

    @staticmethod
    def _last_sequence(out_dir):
        # Continue numbering after existing files so a reused OUT is not clobbered.
        last = 0
        for name in os.listdir(out_dir):
            m = re.fullmatch(r"msg-(\d+)\.eml", name)
            if m:
                last = max(last, int(m.group(1)))
        return last

    @staticmethod
    def _write(fh, record):
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()

    def close(self):
        self.msg_log.close()
        self.conn_log.close()

    # -- connections -------------------------------------------------------
    def connection_opened(self, listener, peer):
        conn = self.next_conn
        self.next_conn += 1
        self._write(self.conn_log, {"event": "connect", "conn": conn, "t": time.time(),
                                    "listener": listener,
                                    "peer": list(peer) if peer else None})
        return conn

    # -- authentication ----------------------------------------------------
    def authenticator(self, server, session, envelope, mechanism, auth_data):
        """Checks PLAIN and LOGIN credentials (aiosmtpd's built-in mechanisms)."""
        if (isinstance(auth_data, LoginPassword) and auth_data.login == self.user
                and auth_data.password == self.password):
            return AuthResult(success=True, auth_data=mechanism)
        # handled=False makes aiosmtpd send "535 5.7.8 ... invalid".
        return AuthResult(success=False, handled=False)

    async def auth_XOAUTH2(self, server, args):
        """AUTH XOAUTH2 [initial-response]; payload 'user=U^Aauth=Bearer T^A^A'."""
        if len(args) == 2:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except (binascii.Error, ValueError):
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        else:
            blob = await server.challenge_auth("")
            if not isinstance(blob, bytes):  # client aborted or sent bad base64
                return AuthResult(success=False, handled=True)
        fields = {}
        for item in blob.split(b"\x01"):
            key, sep, value = item.partition(b"=")
            if sep:
                fields[key.lower()] = value
        token = fields.get(b"auth", b"")
        if token[:7].lower() == b"bearer ":
            token = token[7:]
        else:
            token = None
        if fields.get(b"user") == self.user and token == self.password:
            return AuthResult(success=True, auth_data="XOAUTH2")
        return AuthResult(success=False, handled=False)

    # -- SMTP hooks --------------------------------------------------------
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.rsplit("@", 1)[0].lower()
        if local.startswith("bounce"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local.startswith("greylist") and address not in self.greylisted:
            self.greylisted.add(address)
            return f"451 4.7.1 <{address}>: Greylisted, try again later"
        if local.startswith("tempfail"):
            return "451 4.3.0 Temporary failure"
        if local.startswith("policy"):
            return f"550 5.7.1 <{address}>: Relay access denied"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        raw = envelope.original_content
        if raw is None:
            raw = envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        self.seq += 1
        name = "msg-%06d.eml" % self.seq
        with open(os.path.join(self.out_dir, name), "wb") as fh:
            fh.write(raw)
        headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
        masir_id = headers.get("X-Masir-Id")
        self._write(self.msg_log, {
            "t": time.time(),
            "conn": getattr(server, "conn_id", None),
            "listener": getattr(server, "listener", None),
            "mail_from": envelope.mail_from,
            "rcpt": list(envelope.rcpt_tos),
            "masir_id": str(masir_id).strip() if masir_id is not None else None,
            "auth_mech": session.auth_data if isinstance(session.auth_data, str) else None,
            "file": name,
        })
        return "250 2.0.0 Ok: queued as Q%06d" % self.seq


class CountingSMTP(SMTP):
    """SMTP protocol that records each TCP connection once.

    aiosmtpd creates one protocol object per TCP connection, but calls
    connection_made() again after STARTTLS; only the first call is counted.
    """

    def __init__(self, handler, listener, **kwargs):
        super().__init__(handler, **kwargs)
        self.listener = listener
        self.conn_id = None

    def connection_made(self, transport):
        if self._original_transport is None:  # not the post-STARTTLS re-entry
            self.conn_id = self.event_handler.connection_opened(
                self.listener, transport.get_extra_info("peername"))
        super().connection_made(transport)


class Listener(UnthreadedController):
    """aiosmtpd controller on the shared loop, building CountingSMTP protocols."""

    def __init__(self, handler, name, **kwargs):
        super().__init__(handler, **kwargs)
        self.name = name

    def factory(self):
        return CountingSMTP(self.handler, self.name, loop=self.loop, **self.SMTP_kwargs)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", required=True, help="output directory")
    p.add_argument("--cert", required=True, help="PEM certificate")
    p.add_argument("--key", required=True, help="PEM private key")
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--starttls-port", type=int)
    p.add_argument("--tls-port", type=int)
    p.add_argument("--plain-port", type=int)
    p.add_argument("--ready-file")
    p.add_argument("--delay-ms", type=int, default=0,
                   help="sleep before answering DATA (default 0)")
    p.add_argument("--verbose", action="store_true", help="aiosmtpd debug log")
    args = p.parse_args()
    if not (args.starttls_port or args.tls_port or args.plain_port):
        p.error("give at least one of --starttls-port, --tls-port, --plain-port")
    return args


def main():
    args = parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.ERROR,
                        format="%(asctime)s %(name)s %(message)s")
    # auth_require_tls=False on the implicit-TLS/plain listeners warns; intended here.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

    os.makedirs(args.dir, exist_ok=True)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(args.cert, args.key)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sink = Sink(args.dir, args.user, args.password, args.delay_ms)
    common = dict(hostname=HOST, server_hostname="localhost", loop=loop,
                  auth_required=True, authenticator=sink.authenticator)

    listeners = []
    if args.starttls_port:
        listeners.append(Listener(sink, "starttls", port=args.starttls_port,
                                  tls_context=tls, require_starttls=True,
                                  auth_require_tls=True, **common))
    if args.tls_port:
        # aiosmtpd 1.4 only treats a connection as "TLS" after STARTTLS, so with
        # implicit TLS auth_require_tls must be off (the socket is TLS anyway).
        listeners.append(Listener(sink, "tls", port=args.tls_port, ssl_context=tls,
                                  auth_require_tls=False, **common))
    if args.plain_port:
        listeners.append(Listener(sink, "plain", port=args.plain_port,
                                  auth_require_tls=False, **common))

    started = []
    try:
        for lst in listeners:
            lst.begin()  # binds and listens before returning
            started.append(lst)
    except OSError as exc:
        print(f"smtp_sink: cannot listen: {exc}", file=sys.stderr)
        for lst in started:
            lst.end()
        sink.close()
        loop.close()
        return 1

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)

    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as fh:
            fh.write("ready\n")
        os.replace(tmp, args.ready_file)  # atomic: pollers never see a partial file

    loop.run_forever()

    # Shutdown: close listeners, cancel in-flight sessions, close the loop.
    for lst in listeners:
        lst.end()
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()
    sink.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
