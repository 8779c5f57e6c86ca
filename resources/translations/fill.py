"""Fill unfinished translations from a JSON file, then compile: a helper for batch translation.

``python resources/translations/fill.py --list > todo.json`` writes every unfinished Chinese
source as ``{"source": ""}``; translate the values and run
``python resources/translations/fill.py todo.json``. Placeholders (``{name}``) and accelerator
ampersands must match the source, or the file is refused and nothing is written.
Qt Linguist (``pyside6-linguist``) does the same one message at a time.
"""
from __future__ import annotations

import json
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import update  # noqa: E402  (sibling script, not a package)

TS = HERE / "app_en.ts"


def placeholders(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def unfinished(tree: ET.ElementTree) -> list[ET.Element]:
    return [m for m in tree.iter("message")
            if m.find("translation").get("type") == "unfinished"]


def mismatches(english: dict[str, str]) -> list[str]:
    faults = []
    for source, target in english.items():
        if not target.strip():
            faults.append(f"empty translation: {source}")
        elif placeholders(source) != placeholders(target) or source.count("&") != target.count("&"):
            faults.append(f"placeholders differ: {source} -> {target}")
    return faults


def fill(english: dict[str, str]) -> int:
    tree = ET.parse(TS)
    count = 0
    for message in unfinished(tree):
        target = english.get(message.findtext("source"))
        if target:
            translation = message.find("translation")
            translation.text = target
            del translation.attrib["type"]
            count += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    update.main()  # lupdate restores its own layout; lrelease compiles the .qm
    return count


def main(argv: list[str]) -> int:
    if argv == ["--list"]:
        update.main()
        todo = {m.findtext("source"): "" for m in unfinished(ET.parse(TS))}
        json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    english: dict[str, str] = {}
    for name in argv:
        english.update(json.loads(Path(name).read_text(encoding="utf-8")))
    faults = mismatches(english)
    if faults:
        print("\n".join(faults), file=sys.stderr)
        return 1
    print(f"filled {fill(english)}; unfinished {len(unfinished(ET.parse(TS)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
