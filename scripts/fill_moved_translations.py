#!/usr/bin/env python3
"""Fills unfinished entries of a .ts file from finished entries with the same
source text (and comment) in other contexts: after a string moves from one
class to another, lupdate files it under the new context as unfinished.

    scripts/fill_moved_translations.py translations/masir_fa.ts

Prints what it could not fill; those need a translator.
"""
import copy
import sys
import xml.etree.ElementTree as ET


def key(message):
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return (source, comment, message.get("numerus") == "yes")


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    done = {}
    for message in root.iter("message"):
        t = message.find("translation")
        if t is not None and t.get("type") != "unfinished" and \
                (t.text or len(t)):
            done.setdefault(key(message), t)
    missing = []
    filled = 0
    for message in root.iter("message"):
        t = message.find("translation")
        if t is None or t.get("type") != "unfinished":
            continue
        found = done.get(key(message))
        if found is None:
            missing.append(message.findtext("source"))
            continue
        message.remove(t)
        message.append(copy.deepcopy(found))
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate writes <!DOCTYPE TS>; ElementTree drops it: put it back.
    text = open(path, encoding="utf-8").read()
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    open(path, "w", encoding="utf-8").write(text)
    print(f"filled {filled}; {len(missing)} still need a translation")
    for m in missing:
        print("  " + (m or ""))


if __name__ == "__main__":
    main(sys.argv[1])
