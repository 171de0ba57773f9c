"""An input workbook saved by LibreOffice Calc imports as it was exported, and a value
edited in it arrives in the YAML (LibreOffice rewrites the whole file: styles, shared
strings, number formats, protection)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_impor import baris, ekspor, isi, jalankan, kolom
from tests.conftest import perlu, salin


def _simpan_dengan_libreoffice(book: Path, tmp_path: Path) -> Path:
    soffice = perlu("calc")["soffice"]
    out = tmp_path / "lo"
    out.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = out / book.name
    assert saved.is_file()
    assert saved.read_bytes() != book.read_bytes()
    return saved


def test_a_workbook_saved_by_libreoffice(tmp_path: Path) -> None:
    perlu("calc")  # before anything is built
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Realisasi"]
    ws.cell(baris(ws, "2021/IK2.2"), kolom(ws, "Realisasi")).value = 87.5
    wb.save(book)
    saved = _simpan_dengan_libreoffice(book, tmp_path)
    with zipfile.ZipFile(saved) as z:  # really LibreOffice's file, not ours
        assert b"<Application>LibreOffice" in z.read("docProps/app.xml")
    code, out, err = jalankan("import", str(folder), str(saved))
    assert "87,5" in out or "87.5" in out  # the change, as diff prints it
    assert code == 0, err
    after = isi(folder)
    assert [f for f in before if before[f] != after[f]] == ["2021/realisasi.yaml"]
    # 87,5 in a cell whose format shows two decimals (86,70 as exported) is 87,50.
    assert "  IK2.2: 87.50        # tercetak" in after["2021/realisasi.yaml"].decode()
