#!/usr/bin/env python3
"""Parses a MIME message with Python's email package and prints it as one JSON object.

    /usr/bin/python3 parse_mime.py FILE.eml

An independent reference parser for the tests (it shares no code with the
project). Output keys:
  subject, from, to   decoded header values (null when absent)
  headers             lowercased name -> list of decoded values, every header
  raw_headers         same, with the undecoded values as found in the file
  content_type        top-level content type
  parts               leaf parts: content_type, charset, transfer_encoding,
                      disposition, filename, and text (text/*) or size (bytes)
  text, html          first text/plain resp. text/html leaf that is not an
                      attachment (falls back to any such leaf), or null
  defects             every defect on the message, its parts and its headers

Exit status: 0 on success, 1 when the file cannot be read, 2 on usage errors.
"""
import json
import sys
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.policy import default as default_policy


def clean(value):
    """Makes a str JSON/UTF-8 safe: undecodable 8-bit bytes, which the parser
    keeps as surrogate escapes, are reinterpreted as UTF-8 (with replacement)."""
    if value is None:
        return None
    value = str(value)
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def decoded_headers(part, defects, where):
    """(name, decoded value, raw value) for each header of a message or part.

    Header objects are built here, one at a time, so that a header the policy
    cannot parse only falls back to simple RFC 2047 decoding (and is reported)
    instead of aborting the whole run. Parse defects are collected.
    """
    result = []
    for name, raw in part.raw_items():
        try:
            value = part.policy.header_fetch_parse(name, raw)
            for d in getattr(value, "defects", ()):
                defects.append(f"{where} header {name}: {describe(d)}")
            decoded = str(value)
        except Exception as exc:
            defects.append(f"{where} header {name}: {type(exc).__name__}: {exc}")
            try:
                decoded = str(make_header(decode_header(raw)))
            except Exception:
                decoded = raw
        result.append((name, clean(decoded), clean(raw)))
    return result


def describe(defect):
    text = str(defect)
    return f"{type(defect).__name__}: {text}" if text else type(defect).__name__


def part_text(part, defects, where):
    """Decoded text of a text/* part, tolerating unknown charsets."""
    try:
        return part.get_content()
    except (LookupError, UnicodeError) as exc:
        defects.append(f"{where}: cannot decode text: {type(exc).__name__}: {exc}")
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")


def first_body(parts, content_type):
    """First non-attachment leaf of the type, else the first of that type."""
    candidates = [p for p in parts if p["content_type"] == content_type]
    for p in candidates:
        if p["disposition"] != "attachment":
            return p["text"]
    return candidates[0]["text"] if candidates else None


def parse(data):
    msg = BytesParser(policy=default_policy).parsebytes(data)
    defects = []

    headers, raw_headers = {}, {}
    for name, decoded, raw in decoded_headers(msg, defects, "message"):
        headers.setdefault(name.lower(), []).append(decoded)
        raw_headers.setdefault(name.lower(), []).append(raw)

    def first(name):
        values = headers.get(name)
        return values[0] if values else None

    parts = []
    for index, part in enumerate(msg.walk()):
        where = "message" if index == 0 else f"part {index}"
        if index > 0:  # the top-level headers were handled above
            decoded_headers(part, defects, where)
        if not part.is_multipart():
            cte = part.get("Content-Transfer-Encoding")
            info = {
                "content_type": part.get_content_type(),
                "charset": clean(part.get_content_charset()),
                "transfer_encoding": clean(cte).strip().lower() if cte else None,
                "disposition": part.get_content_disposition(),
                "filename": clean(part.get_filename()),
            }
            if part.get_content_maintype() == "text":
                info["text"] = clean(part_text(part, defects, where))
            else:
                info["size"] = len(part.get_payload(decode=True) or b"")
            parts.append(info)
        # Read after decoding: payload decoding adds e.g. base64 padding defects.
        defects.extend(f"{where}: {describe(d)}" for d in part.defects)

    return {
        "subject": first("subject"),
        "from": first("from"),
        "to": first("to"),
        "headers": headers,
        "raw_headers": raw_headers,
        "content_type": msg.get_content_type(),
        "parts": parts,
        "text": first_body(parts, "text/plain"),
        "html": first_body(parts, "text/html"),
        "defects": defects,
    }


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as fh:
            data = fh.read()
    except OSError as exc:
        print(f"parse_mime: cannot read {argv[1]}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    out = json.dumps(parse(data), ensure_ascii=False, indent=1)
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
