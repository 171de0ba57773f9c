from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

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
    """The raw XML of one part of a document, for the few things python-docx does not
    model (field codes, settings); read documents with tests/baca_docx.py."""
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")
