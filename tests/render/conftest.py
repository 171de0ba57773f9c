from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree as ET

from sakipgen.pipeline import Bundel
from sakipgen.render import susun
from tests.conftest import bundel


def load(name: str | Path, *tahun: int) -> Bundel:
    return bundel(name, *tahun)


def docx(name: str | Path, jenis: str, tahun: int) -> bytes:
    hasil = susun(load(name), jenis, tahun)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return hasil.data


def part(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document(data: bytes) -> ET.Element:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return ET.fromstring(zf.read("word/document.xml"))


def text(el: ET.Element) -> str:
    """Text of an element as a reader sees it: line breaks and tabs included."""
    parts = []
    for node in el.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}br":
            parts.append("\n")
        elif node.tag == f"{W}tab":
            parts.append("\t")
    return "".join(parts)


def paragraphs(root: ET.Element) -> list[tuple[str, str]]:
    """(style, text) of every paragraph outside tables, in order."""
    body = root.find(f"{W}body")
    assert body is not None
    out = []
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        out.append((style.get(f"{W}val", "") if style is not None else "", text(p)))
    return out


def rows(root: ET.Element) -> list[list[str]]:
    return [[text(tc) for tc in tr.findall(f"{W}tc")] for tr in root.iter(f"{W}tr")]
