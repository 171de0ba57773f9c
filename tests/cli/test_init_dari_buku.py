"""`sakipgen init DIR --from FILE.xlsx`: a new dinas folder from a filled input workbook.

The workbook is the Blora example's own (export --for-input), so the new folder must
give Blora's 2021 figures, computed here by hand from the workbook's cells:
IK1.1 43,30 / 32 × 100 = 135,3125 → 135,31; IK1.2 13.244 / 6.825 × 100 = 194,05…;
IK2.2 86,70 / 70 × 100 = 123,857… → 123,86; pagu 1.727.182.400 (the nine programs).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_impor import ekspor, jalankan
from tests.conftest import CONTOH, salin


def test_a_folder_from_a_workbook_passes_check_and_gives_the_same_figures(
    tmp_path: Path,
) -> None:
    book = ekspor(salin(tmp_path), tmp_path)
    baru = tmp_path / "dinas-baru"
    code, out, err = jalankan(
        "init", str(baru), "--from", str(book), "--pemda", "Kabupaten Blora", "--dinas", "Dinas X"
    )
    assert code == 0, err
    assert str(baru / "renstra.yaml") in out and str(baru / "2021/anggaran.yaml") in out
    renstra = (baru / "renstra.yaml").read_text()
    assert "periode:\n  mulai: 2017\n  akhir: 2021\n" in renstra
    assert (
        "      - id: IK1.1\n"
        "        uraian: Persentase koperasi sehat\n"
        '        satuan: "%"\n'
        "        target: {2020: 32, 2021: 32}\n"
        "        target_akhir: 32\n"
    ) in renstra
    assert (baru / "2021/realisasi.yaml").read_text().startswith("indikator:\n  IK1.1: 43.3\n")
    code, _out, err = jalankan("check", str(baru))
    assert code == 0, err
    code, out, err = jalankan("show", str(baru), "--year", "2021", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    capaian = {i["id"]: i["capaian"] for s in data["sasaran"] for i in s["indikator"]}
    assert capaian["IK1.1"] == "135.31"
    assert capaian["IK1.2"] == "194.05"
    assert capaian["IK2.2"] == "123.86"
    assert Decimal(data["anggaran"]["pagu"]) == 1727182400


def test_a_workbook_without_sasaran_names_makes_nothing(tmp_path: Path) -> None:
    book = ekspor(salin(tmp_path), tmp_path)
    wb = load_workbook(book)
    ws = wb["Target"]
    ws.protection.sheet = False
    ws.delete_cols(next(c.column for c in ws[1] if c.value == "Uraian Sasaran"))
    wb.save(book)
    baru = tmp_path / "dinas-baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(book))
    assert code == 1
    assert f"{book}:Target!A1: X001 kolom 'Uraian Sasaran' tidak ada" in err
    assert not baru.exists() or not any(baru.iterdir())


@pytest.mark.parametrize("contoh", CONTOH)
def test_every_example_workbook_makes_a_folder_without_errors(tmp_path: Path, contoh: str) -> None:
    book = ekspor(salin(tmp_path, contoh), tmp_path)
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(book))
    assert code == 0, err
    code, _out, err = jalankan("check", str(baru))
    assert code == 0, err  # warnings name what the workbook does not hold; no error
    if contoh == "buleleng":  # its PK Perubahan targets arrive (one line: it fits)
        assert (
            (baru / "2021/target.yaml")
            .read_text()
            .endswith(
                'pk_perubahan:\n  indikator: {IK1.1: 77.5, IK2.1: "-", IK3.1: "-", IK4.1: 81, '
                "IK5.1: 76.79, IK6.1: 86, IK7.1: 12}\n"
            )
        )
