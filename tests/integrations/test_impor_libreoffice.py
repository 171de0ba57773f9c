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


def test_metode_negatif_and_other_plans_targets_through_libreoffice(tmp_path: Path) -> None:
    """The Target sheet's Metode Negatif dropdown (with its note) and the plans' columns,
    saved by LibreOffice: unchanged, nothing to import; a plan's column typed there
    declares it (43,30 / 36 × 100 = 120,277… → 120,28 against it)."""
    from tests.cli.test_impor_metode_pembanding import dengan_keduanya
    from tests.cli.test_impor_setahun import show

    perlu("calc")
    folder = dengan_keduanya(salin(tmp_path))
    before = isi(folder)
    saved = _simpan_dengan_libreoffice(ekspor(folder, tmp_path), tmp_path)
    code, _out, err = jalankan("import", str(folder), str(saved))
    assert code == 0 and "Tidak ada nilai yang berubah" in err, err
    assert isi(folder) == before

    book = ekspor(salin(tmp_path, nama="polos"), tmp_path)
    wb = load_workbook(book)
    ws = wb["Target"]
    c = ws.max_column + 1
    ws.cell(1, c).value = "Target Nasional 2021"
    ws.cell(baris(ws, "IK1.1"), c).value = 36
    wb.save(book)
    (tmp_path / "lo").rename(tmp_path / "lo-1")
    saved = _simpan_dengan_libreoffice(book, tmp_path)
    polos = tmp_path / "polos"
    code, _out, err = jalankan("import", str(polos), str(saved))
    assert code == 0, err
    assert "pembanding:\n  - {id: nasional, nama: Nasional}\nsasaran:\n" in (
        (polos / "renstra.yaml").read_text()
    )
    (ik11,) = [
        i for s in show(polos, 2021)["sasaran"] for i in s["indikator"] if i["id"] == "IK1.1"
    ]
    assert ik11["pembanding"][0]["capaian"] == "120.28"
