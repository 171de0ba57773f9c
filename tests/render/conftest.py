from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from sakipgen.checks import periksa
from sakipgen.model.folder import Dinas
from sakipgen.render import build
from tests.conftest import EXAMPLES


def load(name: str | Path) -> Dinas:
    dinas, diags = periksa(EXAMPLES / name if isinstance(name, str) else name)
    assert dinas is not None and not [d for d in diags if d.severity == "error"], diags
    return dinas


def docx(name: str | Path, jenis: str, tahun: int) -> bytes:
    hasil = build(load(name), jenis, tahun)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return hasil.data


def part(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")
