"""The Target sheet's Metode Negatif column and other plans' targets, through a workbook
saved by LibreOffice Calc (issue 24)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_impor import baris, ekspor, isi, jalankan
from tests.cli.test_impor_metode_pembanding import dengan_keduanya
from tests.cli.test_impor_setahun import show
from tests.conftest import perlu, salin
from tests.integrations.test_impor_libreoffice import _simpan_dengan_libreoffice


def test_metode_negatif_and_other_plans_targets_through_libreoffice(tmp_path: Path) -> None:
    """The Target sheet's Metode Negatif dropdown (with its note) and the plans' columns,
    saved by LibreOffice: unchanged, nothing to import; a plan's column typed there
    declares it (43,30 / 36 × 100 = 120,277… → 120,28 against it)."""
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
