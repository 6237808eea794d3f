#!/usr/bin/env python3
"""Sets translations in a .ts file from a JSON object {source: translation}
(a list of forms for a plural), marking them finished.

    scripts/translate.py translations/masir_fa.ts new.json
"""
import json
import sys
import xml.etree.ElementTree as ET


def main(path, table_path):
    table = json.load(open(table_path, encoding="utf-8"))
    tree = ET.parse(path)
    used = set()
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        if source not in table:
            continue
        t = message.find("translation")
        if t is None or t.get("type") != "unfinished":
            continue
        value = table[source]
        for child in list(t):
            t.remove(child)
        t.attrib.pop("type", None)
        if isinstance(value, list):
            t.text = None
            for form in value:
                ET.SubElement(t, "numerusform").text = form
        else:
            t.text = value
        used.add(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    text = open(path, encoding="utf-8").read()
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    open(path, "w", encoding="utf-8").write(text)
    for source in table:
        if source not in used:
            print("not used:", source)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
