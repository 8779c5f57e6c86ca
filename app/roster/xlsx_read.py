"""A fast, strict reader of the cell values of an .xlsx workbook (expat, no DTDs, no entities).

openpyxl's read-only mode parses through defusedxml's pure-Python tree builder and builds an
object per cell and per shared string: most of an import's reading time. This reader walks
the same XML with expat callbacks and keeps only what an import needs: sheet titles and
states, the values of cells (shared and inline strings, numbers, booleans, dates by their
number format, error text) by row number. A document type declaration or an entity anywhere
is refused, as defusedxml would (an entity bomb never expands).
"""
from __future__ import annotations

import posixpath
import zipfile
from typing import Callable, Iterator
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

from app.roster.xlsx_rows import SheetRows, column_index, local_name as _local


class UnsafeXml(Exception):
    """The part declares a DTD or entities: never expanded, the file is refused."""


Handler = Callable[..., None]
__all__ = ["UnsafeXml", "Workbook", "column_index"]


def _parse(archive: zipfile.ZipFile, name: str, start: Handler, end: Handler | None = None,
           text: Handler | None = None) -> None:
    """Stream part ``name`` through expat with the given handlers; DTDs and entities refused."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def refuse(*_args) -> None:
        raise UnsafeXml(name)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    with archive.open(name) as stream:
        parser.ParseFile(stream)


def _part(target: str) -> str:
    """A relationship target of the workbook as a part name in the archive."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


class Workbook:
    """The sheets of an opened archive: ``sheets`` is [(title, state, part name)]."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.sheets: list[tuple[str, str, str]] = []
        self.date1904 = False
        self.strings: list[str] = []
        self.date_styles: set[int] = set()
        self.parts: dict[str, str] = {}  # relationship kind (sharedStrings, styles) -> part name
        self._workbook()
        if self.parts.get("sharedStrings") in archive.NameToInfo:
            self._shared_strings(self.parts["sharedStrings"])
        if self.parts.get("styles") in archive.NameToInfo:
            self._styles(self.parts["styles"])

    def _workbook(self) -> None:
        targets: dict[str, str] = {}
        found: list[tuple[str, str, str]] = []

        def rel(name: str, attrs: dict) -> None:
            if _local(name) == "Relationship":
                targets[attrs.get("Id", "")] = _part(attrs.get("Target", ""))
                self.parts[attrs.get("Type", "").rpartition("/")[2]] = targets[attrs.get("Id", "")]

        def sheet(name: str, attrs: dict) -> None:
            local = _local(name)
            if local == "sheet":
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
                found.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif local == "workbookPr":
                self.date1904 = attrs.get("date1904", "0") in ("1", "true")

        _parse(self.archive, "xl/_rels/workbook.xml.rels", rel)
        _parse(self.archive, "xl/workbook.xml", sheet)
        self.sheets = [(title, state, targets.get(rid, "")) for title, state, rid in found]

    def _shared_strings(self, part: str) -> None:
        parts: list[str] = []
        depth = {"t": 0, "rPh": 0}

        def start(name: str, _attrs: dict) -> None:
            local = _local(name)
            if local in depth:
                depth[local] += 1
            elif local == "si":
                parts.clear()

        def end(name: str) -> None:
            local = _local(name)
            if local in depth:
                depth[local] -= 1
            elif local == "si":
                self.strings.append("".join(parts))

        def text(data: str) -> None:
            if depth["t"] and not depth["rPh"]:  # phonetic guides are not the cell's text
                parts.append(data)

        _parse(self.archive, part, start, end, text)

    def _styles(self, part: str) -> None:
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        xfs: list[int] = []
        inside = [False]

        def start(name: str, attrs: dict) -> None:
            local = _local(name)
            if local == "numFmt":
                formats[int(attrs.get("numFmtId", -1))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                inside[0] = True
            elif local == "xf" and inside[0]:
                xfs.append(int(attrs.get("numFmtId", 0)))

        def end(name: str) -> None:
            if _local(name) == "cellXfs":
                inside[0] = False

        _parse(self.archive, part, start, end)
        self.date_styles = {index for index, fmt in enumerate(xfs)
                            if fmt in formats and is_date_format(formats[fmt])}

    def rows(self, part: str, on_dimension: Callable[[str], None]) -> Iterator[tuple[int, list]]:
        """(1-based row number, values) for each row of the sheet, in file order."""
        reader = SheetRows(self.strings, self.date_styles, self.date1904, on_dimension)
        _parse(self.archive, part, reader.start, reader.end, reader.text)
        return iter(reader.rows)
