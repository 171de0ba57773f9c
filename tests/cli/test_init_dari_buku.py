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
    # 43,30 as the cell shows it (format #,##0.00), as Blora's realisasi.yaml writes it.
    assert (baru / "2021/realisasi.yaml").read_text().startswith("indikator:\n  IK1.1: 43.30\n")
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
    if contoh == "buleleng":  # its PK Perubahan targets arrive, as a block like the RKT's
        assert (
            (baru / "2021/target.yaml")
            .read_text()
            .endswith(
                'pk_perubahan:\n  indikator:\n    IK1.1: 77.5\n    IK2.1: "-"\n    IK3.1: "-"\n'
                "    IK4.1: 81\n    IK5.1: 76.79\n    IK6.1: 86\n    IK7.1: 12\n"
            )
        )


def test_a_new_dinas_typed_into_a_blank_workbook(tmp_path: Path) -> None:
    """The way a planner starts: a blank workbook, rows typed without keys where the
    sheet can make them, `init --from`, `check`, a document.

    By hand: IK1.1 (positif) realisasi 81,6 against the PK target 80: 81,6 / 80 × 100
    = 102,00; IK1.2 (negatif, `metode_negatif` default selisih) realisasi 3 against 4:
    (2 × 4 − 3) / 4 × 100 = 125,00; sasaran S1: (102,00 + 125,00) / 2 = 113,50;
    pagu 150.000.000 + 50.000.000 = 200.000.000 (summed from the sub kegiatan)."""
    contoh = tmp_path / "contoh"
    code, _out, err = jalankan(
        "init",
        str(contoh),
        "--pemda",
        "Kabupaten Sinjai",
        "--dinas",
        "Dinas X",
        "--start",
        "2024",
        "--end",
        "2028",
        "--year",
        "2025",
    )
    assert code == 0, err
    kosong = tmp_path / "kosong.xlsx"
    code, _out, err = jalankan(
        "export", str(contoh), "--for-input", "--blank", "--out", str(kosong)
    )
    assert code == 0, err
    wb = load_workbook(kosong)
    assert not wb["Target"].protection.sheet and wb["Target"].max_row == 1

    def isi_baris(lembar: str, nilai: dict[str, object]) -> None:
        ws = wb[lembar]
        judul = {c.value: c.column for c in ws[1]}
        r = ws.max_row + 1
        for k, v in nilai.items():
            ws.cell(r, judul[k]).value = v

    s1 = {"Sasaran": "S1", "Uraian Sasaran": "Meningkatnya ekspor daerah"}
    isi_baris(
        "Target",
        {
            **s1,
            "Indikator": "IK1.1",
            "Uraian": "Persentase UMKM ekspor",
            "Satuan": "%",
            "Renstra 2025": 80,
            "Renstra 2028": 90,
            "PK 2025": 80,
        },
    )
    isi_baris(
        "Target",
        {
            **s1,
            "Indikator": "IK1.2",
            "Uraian": "Jumlah sengketa dagang",
            "Satuan": "kasus",
            "Polaritas": "negatif",
            "Renstra 2025": 4,
            "Renstra 2028": 2,
            "PK 2025": 4,
        },
    )
    isi_baris("Realisasi", {"Tahun": 2025, "Indikator": "IK1.1", "Realisasi": "81,6"})
    isi_baris("Realisasi", {"Tahun": 2025, "Indikator": "IK1.2", "Realisasi": 3})
    isi_baris(
        "Anggaran",
        {"Kunci": "2025/P01", "Uraian": "Program Pengembangan Ekspor", "Sasaran": "S1"},
    )
    isi_baris("Anggaran", {"Kunci": "2025/P01/1", "Uraian": "Promosi Ekspor"})
    isi_baris(
        "Anggaran",
        {
            "Kunci": "2025/P01/1/1",
            "Uraian": "Pameran Dagang",
            "Pagu": 150000000,
            "Realisasi": 140000000,
        },
    )
    isi_baris(
        "Anggaran",
        {"Kunci": "2025/P01/1/2", "Uraian": "Misi Dagang", "Pagu": 50000000, "Realisasi": 45000000},
    )
    wb.save(kosong)

    baru = tmp_path / "dinas-baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(kosong), "--dinas", "Dinas X")
    assert code == 0, err
    code, out, err = jalankan("check", str(baru))
    assert code == 0, err
    # The program serves S1: no K007. sakip.yaml is init's, with its example kop and
    # kepala (alamat, kode pos, telepon, nama, NIP): five K024, nothing else.
    assert "0 kesalahan, 5 peringatan" in out + err
    assert (out + err).count(" K024 (peringatan) ") == 5
    code, out, err = jalankan("show", str(baru), "--year", "2025", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    (sasaran,) = data["sasaran"]
    assert [i["capaian"] for i in sasaran["indikator"]] == ["102.00", "125.00"]
    assert sasaran["capaian"] == "113.50"
    assert Decimal(data["anggaran"]["pagu"]) == 200000000
    code, out, err = jalankan("build", str(baru), "--doc", "pk")
    assert code == 0, err
    assert (baru / "build/pk-2025.docx").is_file()
