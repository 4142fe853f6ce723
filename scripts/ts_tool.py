"""Small helper for the Qt Linguist sources in resources/translations/.

    python scripts/ts_tool.py stats              # messages and unfinished per file
    python scripts/ts_tool.py list [LANG]        # unfinished messages as JSON lines
    python scripts/ts_tool.py apply LANG FILE    # fill translations from JSON lines
    python scripts/ts_tool.py check              # exit 1 if anything is unfinished
    python scripts/ts_tool.py mnemonics [LANG]   # Latin access keys in brackets: "حفظ (&S)"

``apply`` reads lines of ``{"context": ..., "source": ..., "translation": ...}``
(or ``"numerus": [...]`` for %n strings) so translations can be written in a plain
editor and merged back; Qt Linguist works on the same files.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "translations"
NUMERUS_FORMS = {"ar": 6, "en": 2}


def _path(lang: str) -> Path:
    return ROOT / f"facilitator_{lang}.ts"


def _messages(tree: ET.ElementTree):
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg


def _unfinished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("vanished", "obsolete"):
        return False
    if tr.get("type") == "unfinished":
        return True
    if msg.get("numerus") == "yes":
        return not all((f.text or "").strip() for f in tr.findall("numerusform"))
    return not (tr.text or "").strip()


def stats() -> int:
    for path in sorted(ROOT.glob("*.ts")):
        tree = ET.parse(path)
        msgs = list(_messages(tree))
        todo = sum(1 for _c, m in msgs if _unfinished(m))
        print(f"{path.name}: {len(msgs)} messages, {todo} unfinished")
    return 0


def list_unfinished(lang: str = "ar") -> int:
    tree = ET.parse(_path(lang))
    for name, msg in _messages(tree):
        if _unfinished(msg):
            row = {"context": name, "source": msg.findtext("source")}
            if msg.get("numerus") == "yes":
                row["numerus"] = []
            else:
                row["translation"] = ""
            print(json.dumps(row, ensure_ascii=False))
    return 0


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def apply(lang: str, file: str) -> int:
    table: dict[tuple[str, str], dict] = {}
    for line in Path(file).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            table[(row["context"], row["source"])] = row
    path = _path(lang)
    tree = ET.parse(path)
    filled = 0
    for name, msg in _messages(tree):
        row = table.get((name, msg.findtext("source") or ""))
        if row is None:
            continue
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        for child in list(tr):
            tr.remove(child)
        if msg.get("numerus") == "yes":
            forms = row.get("numerus") or []
            if len(forms) != NUMERUS_FORMS[lang]:
                print(
                    f"skipped (needs {NUMERUS_FORMS[lang]} forms): {row['source']}", file=sys.stderr
                )
                continue
            tr.text = None
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
        else:
            if not row.get("translation"):
                continue
            tr.text = row["translation"]
        tr.attrib.pop("type", None)
        filled += 1
    _write(tree, path)
    print(f"{path.name}: filled {filled}")
    return 0


_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
_TRAILING_KEY = re.compile(r"\s*\(&[A-Za-z0-9]\)(…?)$")


def mnemonic_form(source: str, translation: str) -> str:
    """The translation with the source's access key as a Latin letter in brackets.

    An Arabic letter after ``&`` cannot be typed with Alt on a Latin keyboard, while Qt
    maps a Latin access key to the same physical key on the Arabic layout; so Arabic
    labels carry the English key in brackets at their end, as Chinese and Japanese
    interfaces do: ``"&Save" -> "حفظ (&S)"``. Keys then never collide in Arabic where
    they do not in English.
    """
    found = _MNEMONIC.search(source.replace("&&", ""))
    if not found or not translation:
        return translation
    text = _TRAILING_KEY.sub(r"\1", translation)
    text = re.sub(r"&(?!&)", "", text.replace("&&", "\0")).replace("\0", "&&")
    dots = "…" if text.endswith("…") else ""  # "حفظ (&S)…", as "Save…" keeps its dots last
    return f"{text.removesuffix('…')} (&{found.group(1).upper()}){dots}"


def mnemonics(lang: str = "ar") -> int:
    path = _path(lang)
    tree = ET.parse(path)
    changed = 0
    for _name, msg in _messages(tree):
        tr = msg.find("translation")
        source = msg.findtext("source") or ""
        if tr is None or msg.get("numerus") == "yes" or not tr.text:
            continue
        new = mnemonic_form(source, tr.text)
        if new != tr.text:
            tr.text = new
            changed += 1
    _write(tree, path)
    print(f"{path.name}: {changed} access keys written as Latin letters")
    return 0


def check() -> int:
    bad = 0
    for path in sorted(ROOT.glob("*.ts")):
        for name, msg in _messages(ET.parse(path)):
            if _unfinished(msg):
                bad += 1
                print(f"{path.name}: unfinished [{name}] {msg.findtext('source')!r}")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "stats":
        return stats()
    if argv[0] == "list":
        return list_unfinished(argv[1] if len(argv) > 1 else "ar")
    if argv[0] == "apply" and len(argv) == 3:
        return apply(argv[1], argv[2])
    if argv[0] == "check":
        return check()
    if argv[0] == "mnemonics":
        return mnemonics(argv[1] if len(argv) > 1 else "ar")
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
