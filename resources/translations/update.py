"""Refresh the translation sources and compile them: ``python resources/translations/update.py``.

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` string of
   the project into ``app_en.ts`` (Chinese is the source language; new strings arrive
   "unfinished").
2. Translate the unfinished ones (Qt Linguist: ``pyside6-linguist resources/translations/app_en.ts``).
3. ``pyside6-lrelease`` compiles ``app_en.qm``, which the app loads; both files are committed.

``tests/ui/test_translations.py`` fails while a string is untranslated or the .qm is stale.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ["app", "sync"]  # every layer marks its messages with a literal translation context
LANGUAGES = ["en"]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for folder in SOURCES for p in (ROOT / folder).rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-source-language", "zh_CN", "-target-language", ts.stem.split("_", 1)[1],
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for language in LANGUAGES:
        ts = HERE / f"app_{language}.ts"
        update(ts)
        release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
