"""A workbook or SIPD file given to `sakipgen import` or `init --from` cannot make it
expand XML entities, unpack a zip bomb or read a file too large: each is refused with
X001 at the file, and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sakipgen.impor import buku
from sakipgen.write import ganti_bagian_zip
from tests.cli.test_impor import ekspor, isi, jalankan
from tests.conftest import salin

LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)


KECIL = (
    b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY satu "Kunci">]><sst '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&satu;</t></si></sst>'
)


@pytest.mark.parametrize("xml", [LAUGHS, KECIL], ids=["billion-laughs", "one-entity"])
def test_entity_expansion_is_refused(tmp_path: Path, xml: bytes) -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML  # openpyxl parses through defusedxml (a dependency of sakipgen)
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    book.write_bytes(ganti_bagian_zip(book.read_bytes(), "xl/sharedStrings.xml", lambda _b: xml))
    code, _out, err = jalankan("import", str(folder), str(book))
    # Even one harmless entity (well-formed XML) is refused: no DTD entity is expanded.
    assert code == 1 and f"{book}: X001" in err
    assert isi(folder) == before


def test_a_zip_bomb_and_a_huge_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = salin(tmp_path)
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    monkeypatch.setattr(buku, "MAX_ISI", 4 * 1024 * 1024)  # the bomb: 8 MiB unzipped
    code, _out, err = jalankan("import", str(folder), str(bomb))
    assert code == 1 and f"{bomb}: X001 isi buku kerja 8 MiB setelah diurai" in err
    csv = tmp_path / "sipd.csv"
    csv.write_bytes(b"kode;uraian\n" + b"x" * (3 * 1024 * 1024))
    monkeypatch.setattr(buku, "MAX_BERKAS", 2 * 1024 * 1024)
    code, _out, err = jalankan("import", str(folder), str(csv), "--from", "sipd")
    assert code == 1 and f"{csv}: X001 berkas 3 MiB, lebih dari 2 MiB" in err
    code, _out, err = jalankan("init", str(tmp_path / "baru"), "--from", str(bomb))
    assert code == 1 and "X001" in err and not (tmp_path / "baru").exists()
