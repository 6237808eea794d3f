#!/usr/bin/env python3
"""Checks the layers of the source tree (run by ctest as "layers").

1. Every #include between folders follows the table below: core/ folders
   include only the folders listed for them, ui/ includes core/ and the ui/
   folders listed, app/ includes ui/ (the GUI) and core/; core/ never includes
   ui/ or app/. A folder not in the table is an error, so a new folder gets
   its place here first. The table itself must have no circle.
2. SQL stays portable: outside core/storage/, no string in the code uses
   SQLite-only syntax (INSERT OR ..., REPLACE INTO, PRAGMA, ATTACH, sqlite_master,
   json_extract, CAST, BEGIN/COMMIT/ROLLBACK) and no code calls sqlite3_*
   or lastInsertId(); numeric conversion, JSON access and transactions go
   through storage/ (SqlDialect, Transaction).
3. No SQL in ui/ and app/: they include no QtSql header and none of the
   storage/ headers that build or run statements.

Usage: check_layers.py SOURCE_DIR [--print]
       check_layers.py SOURCE_DIR --self-test   (a copy with wrong includes must fail)
"""

import os
import re
import shutil
import sys
import tempfile

# folder -> the folders it may include (besides itself), lowest layers first.
CORE = {
    "common": [],
    "storage": ["common"],
    "settings": ["common", "storage"],
    "i18n": ["common"],
    "events": ["common", "storage"],
    "contacts": ["common", "storage", "settings", "i18n", "events"],
    "crm": ["common", "storage", "settings", "i18n", "events", "contacts"],
    "exporting": ["common", "storage", "contacts"],
    "importing": ["common", "storage", "settings", "i18n", "events", "contacts", "exporting",
                  "segments"],
    "segments": ["common", "storage", "settings", "i18n", "events", "contacts"],
    "scoring": ["common", "storage", "settings", "i18n", "events", "contacts", "crm"],
    "tracking": ["common", "storage", "settings", "i18n"],
    "messaging": ["common", "storage", "settings", "i18n", "events", "contacts", "tracking"],
    "campaigns": ["common", "storage", "settings", "i18n", "events", "contacts", "segments",
                  "messaging"],
    "intake": ["common", "storage", "settings", "i18n", "events", "contacts", "crm", "segments",
               "scoring", "messaging", "tracking", "importing", "campaigns"],
    "server": ["common", "tracking", "intake"],
    "connectors": ["common", "storage", "settings", "i18n", "events", "contacts", "crm",
                   "importing", "messaging"],
    "privacy": ["common", "storage", "settings", "i18n", "events", "contacts", "crm",
                "messaging", "tracking", "intake"],
    "reports": ["common", "storage", "settings", "i18n", "events", "contacts", "segments",
                "messaging", "campaigns", "journeys"],
    "journeys": ["common", "storage", "settings", "i18n", "events", "contacts", "crm",
                 "segments", "scoring", "messaging"],
    "scheduler": ["common", "storage", "settings", "events", "contacts", "crm", "connectors", "scoring",
                  "messaging", "journeys", "tracking", "intake", "campaigns"],
    "demo": ["common", "storage", "settings", "i18n", "events", "contacts", "crm", "segments",
             "scoring", "messaging", "journeys", "campaigns", "tracking", "intake"],
}

# ui/ folders: each may include any core/ folder, and these ui/ folders.
UI = {
    "widgets": [],
    "render": [],
    "importwizard": ["widgets"],
    "crm": ["widgets"],
    "contacts": ["widgets", "importwizard", "crm"],
    "segments": ["widgets"],
    "scoring": ["widgets"],
    "templates": ["widgets"],
    "outbox": ["widgets"],
    "campaigns": ["widgets"],
    "reports": ["widgets", "render"],
    "settings": ["widgets", "crm"],
    "journeys": ["widgets", "segments"],
    "mainwindow": ["widgets", "importwizard", "contacts", "segments", "scoring", "templates",
                   "outbox", "settings", "journeys", "campaigns", "reports", "crm"],
}

# app/ folders: the ui/ folders they may include besides core/ (None: all).
APP = {
    "gui": {"ui": None},
    "cli": {"ui": ["render"]},  # charts and PDF, no pages
}

# storage/ headers that build or run SQL: never in ui/ or app/.
SQL_HEADERS = {"storage/SqlExec.h", "storage/SqlDialect.h", "storage/PreparedStatement.h",
               "storage/Transaction.h", "storage/SqlValues.h"}

SQLITE_ONLY = [
    (re.compile(r"\bINSERT\s+OR\s+(IGNORE|REPLACE|ABORT|FAIL|ROLLBACK)\b", re.I),
     "INSERT OR ...: use ON CONFLICT"),
    (re.compile(r"\bREPLACE\s+INTO\b", re.I), "REPLACE INTO: use ON CONFLICT ... DO UPDATE"),
    (re.compile(r"\bPRAGMA\s+\w", re.I), "PRAGMA: ask storage/ for it"),
    (re.compile(r"\b(ATTACH|DETACH)\s+DATABASE\b", re.I), "ATTACH: ask storage/ for it"),
    (re.compile(r"\bsqlite_(master|schema|sequence)\b", re.I), "the SQLite catalog"),
    (re.compile(r"\bjson_(extract|each|tree|object|array)\b", re.I),
     "JSON access: use SqlDialect::jsonValue()"),
    (re.compile(r"\bCAST\s*\(", re.I), "CAST: use SqlDialect::toNumber() and friends"),
    (re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|END|SAVEPOINT)\b", re.I),
     "a transaction statement: use Transaction"),
    (re.compile(r"\b(GLOB|IFNULL|group_concat|strftime|julianday|typeof|"
                r"last_insert_rowid|AUTOINCREMENT)\b", re.I), "SQLite-only syntax"),
]
SQLITE_CODE = [
    (re.compile(r"\bsqlite3_\w+"), "a call into SQLite: only storage/ calls SQLite"),
    (re.compile(r"#\s*include\s*<sqlite3\.h>"), "sqlite3.h: only storage/ includes it"),
    (re.compile(r"\blastInsertId\s*\("), "lastInsertId(): use RETURNING id"),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
QT_SQL_INCLUDE = re.compile(r"^\s*#\s*include\s*<(QtSql/\w+|QSql\w*)>", re.M)
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
LINE_COMMENT = re.compile(r"//[^\n]*")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def acyclic(table):
    state = {}

    def visit(node, path):
        if state.get(node) == 1:
            return path + [node]
        if state.get(node) == 2:
            return None
        state[node] = 1
        for nxt in table.get(node, []):
            cycle = visit(nxt, path + [node])
            if cycle:
                return cycle
        state[node] = 2
        return None

    for node in table:
        cycle = visit(node, [])
        if cycle:
            return cycle
    return None


def sources(root, top):
    base = os.path.join(root, top)
    for dirpath, _, files in os.walk(base):
        for name in sorted(files):
            if name.endswith((".h", ".cpp")):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, root).replace(os.sep, "/")


def strip_comments(text):
    text = BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return LINE_COMMENT.sub("", text)


def resolve(root, top, include):
    """(tree, folder) an include names: ui/ and app/ sources see ui/ before core/."""
    # core/ sees only core/ when it builds; looking in ui/ too catches a core/
    # file that reaches for a widget header.
    candidates = ["core", "ui"] if top == "core" else ["ui", "core"]
    for tree in candidates:
        if os.path.exists(os.path.join(root, tree, include)):
            return tree, include.split("/")[0]
    return None, None


def check(root, show=False):
    problems = []
    for name, table in (("core", CORE), ("ui", UI)):
        cycle = acyclic(table)
        if cycle:
            problems.append(f"the {name} table has a circle: {' -> '.join(cycle)}")

    edges = set()
    for top in ("core", "ui", "app"):
        for path in sources(root, top):
            parts = path.split("/")
            folder = parts[1] if len(parts) > 2 else ""
            with open(os.path.join(root, path), encoding="utf-8") as f:
                text = f.read()
            code = strip_comments(text)
            lines = code.split("\n")

            for m in INCLUDE.finditer(code):
                include = m.group(1)
                if "/" not in include:
                    continue
                lineno = code.count("\n", 0, m.start()) + 1
                where = f"{path}:{lineno}: #include \"{include}\""
                tree, target = resolve(root, top, include)
                if tree is None:
                    continue  # a generated header (moc, ui) or a test helper
                if tree == top and target == folder:
                    continue
                edges.add((f"{top}/{folder}", f"{tree}/{target}"))
                if top == "core":
                    if tree != "core":
                        problems.append(f"{where}: core/ never includes {tree}/")
                    elif folder not in CORE:
                        problems.append(f"{where}: core/{folder} is not in the layers table")
                    elif target not in CORE[folder]:
                        problems.append(f"{where}: core/{folder} may not include core/{target}")
                elif top == "ui":
                    if folder not in UI:
                        problems.append(f"{where}: ui/{folder} is not in the layers table")
                    elif tree == "ui" and target not in UI[folder]:
                        problems.append(f"{where}: ui/{folder} may not include ui/{target}")
                    if tree == "core" and include in SQL_HEADERS:
                        problems.append(f"{where}: no SQL in ui/")
                else:
                    if folder not in APP:
                        problems.append(f"{where}: app/{folder} is not in the layers table")
                    elif (tree == "ui" and APP[folder]["ui"] is not None and
                          target not in APP[folder]["ui"]):
                        problems.append(f"{where}: app/{folder} may not include ui/{target}")
                    if tree == "core" and include in SQL_HEADERS:
                        problems.append(f"{where}: no SQL in app/")

            if top in ("ui", "app"):
                for m in QT_SQL_INCLUDE.finditer(code):
                    lineno = code.count("\n", 0, m.start()) + 1
                    problems.append(f"{path}:{lineno}: <{m.group(1)}>: no SQL in {top}/")

            if top == "core" and folder == "storage":
                continue
            for lineno, line in enumerate(lines, 1):
                for pattern, why in SQLITE_CODE:
                    if pattern.search(line):
                        problems.append(f"{path}:{lineno}: {why}")
                for s in STRING.finditer(line):
                    for pattern, why in SQLITE_ONLY:
                        if pattern.search(s.group(1)):
                            problems.append(f"{path}:{lineno}: \"{s.group(1)[:60]}\": {why}")

    if show:
        for a, b in sorted(edges):
            print(f"{a} -> {b}")
    return problems


# (file to change, line to add, a word the problem must name)
WRONG = [
    ("core/contacts/Contact.cpp", '#include "journeys/JourneyEngine.h"', "may not include core/journeys"),
    ("core/events/EventStore.cpp", '#include "contacts/Contact.h"', "may not include core/contacts"),
    ("core/storage/Database.cpp", '#include "settings/AppSettings.h"', "may not include core/settings"),
    ("core/common/Logging.cpp", '#include "mainwindow/MainWindow.h"', "never includes ui/"),
    ("ui/widgets/Selection.cpp", '#include "contacts/ContactsPage.h"', "may not include ui/contacts"),
    ("app/cli/main.cpp", '#include "mainwindow/MainWindow.h"', "may not include ui/"),
    ("ui/widgets/Selection.cpp", "#include <QSqlQuery>", "no SQL in ui/"),
    ("ui/widgets/Selection.cpp", '#include "storage/SqlExec.h"', "no SQL in ui/"),
    ("core/contacts/Contact.cpp", 'static const char *k = "INSERT OR IGNORE INTO tags";',
     "INSERT OR"),
    ("core/contacts/Contact.cpp", 'static const char *k = "PRAGMA foreign_keys = OFF";', "PRAGMA"),
    ("core/contacts/Contact.cpp", 'static const char *k = "SELECT CAST(x AS REAL)";', "CAST"),
    ("core/contacts/Contact.cpp", "static int k = sqlite3_changes(nullptr);", "SQLite"),
]


def self_test(root):
    """Each deliberately wrong line, added to a copy of the tree, must fail."""
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for top in ("core", "ui", "app"):
            shutil.copytree(os.path.join(root, top), os.path.join(tmp, top),
                            ignore=shutil.ignore_patterns("*.json", "*.svg", "*.png"))
        clean = check(tmp)
        if clean:
            failures.append(f"the tree itself has problems: {clean[:3]}")
        for path, line, expected in WRONG:
            target = os.path.join(tmp, path)
            with open(target, encoding="utf-8") as f:
                original = f.read()
            with open(target, "w", encoding="utf-8") as f:
                f.write(line + "\n" + original)
            problems = check(tmp)
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
            if not any(expected in p and path in p for p in problems):
                failures.append(f"not caught: {line} in {path} (got {problems})")
    for f in failures:
        print(f)
    if failures:
        return 1
    print(f"layers self-test: all {len(WRONG)} wrong lines were caught")
    return 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if "--self-test" in sys.argv:
        return self_test(sys.argv[1])
    problems = check(sys.argv[1], "--print" in sys.argv)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layer problem(s); see tests/support/check_layers.py")
        return 1
    print("layers: every include and every SQL string is where it belongs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
