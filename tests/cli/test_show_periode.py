"""`sakipgen show --triwulan N` / `--bulan M` (issue 15): a year up to a period.

The folder is the K021 golden case (its realisasi per period, written by hand) with an
anggaran whose money is written per quarter or per month at different levels.
Figures by hand, up to triwulan 3 (month 9):
- IK1 (sifat jumlah) 5 + 6 + 7 = 18 of 30 → 60,00 %;
- IK2 (kumulatif) quarters 1 and 3 written: the last, 9, of 12 → 75,00 %;
- IK3 (akhir_periode) only triwulan 1: 2 of 6 → 33,33 %;
- IK4 (kumulatif, monthly; month 4 "-") months 1–9: the last number, 5, of 8 → 62,50 %;
- P01: its sub kegiatan per quarter, 10.000.000 + 12.000.000 + 8.000.000 and
  5.000.000 + 0 + 6.000.000 → 41.000.000 of 60.000.000 → 68,33 %;
- P02: per month, months 1–9 of 1.000.000 each → 9.000.000 of 12.000.000 → 75,00 %.
Up to month 5 (`--bulan 5`): IK4 months 1–5 → 3 of 8 → 37,50 %; IK1 quarters
complete by month 5: only the first → 5 of 30 → 16,67 %; P02 5.000.000 → 41,67 %;
P01 per quarter: the first quarter only, 15.000.000 → 25,00 %.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.test_impor import jalankan
from tests.conftest import ROOT

ANGGARAN = """\
program:
  - id: P01
    uraian: Program satu
    sasaran: S1
    kegiatan:
      - uraian: Kegiatan satu
        sub_kegiatan:
          - uraian: Sub satu
            pagu: 40000000
            realisasi_triwulan: {1: 10000000, 2: 12000000, 3: 8000000}
          - uraian: Sub dua
            pagu: 20000000
            realisasi_triwulan: {1: 5000000, 2: 0, 3: 6000000}
  - id: P02
    uraian: Program dua
    sasaran: S1
    pagu: 12000000
    realisasi_bulanan: {1: 1000000, 2: 1000000, 3: 1000000, 4: 1000000, 5: 1000000,
                        6: 1000000, 7: 1000000, 8: 1000000, 9: 1000000}
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dinas"
    shutil.copytree(ROOT / "tests" / "golden" / "K021-periode-lewat-kosong", folder)
    (folder / "expected.txt").unlink()
    (folder / "2021" / "anggaran.yaml").write_text(ANGGARAN)
    return folder


def _show(folder: Path, *opsi: str) -> dict[str, object]:
    code, out, err = jalankan("show", str(folder), "--year", "2021", "--format", "json", *opsi)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_up_to_a_quarter(tmp_path: Path) -> None:
    data = _show(_folder(tmp_path), "--triwulan", "3")
    assert (data["bulan"], data["triwulan"]) == (9, 3)
    ind = {i["id"]: i for i in data["indikator"]}  # type: ignore[attr-defined]
    assert [(ind[k]["realisasi"], ind[k]["capaian"]) for k in ("IK1", "IK2", "IK3", "IK4")] == [
        ("18", "60.00"),
        ("9", "75.00"),
        ("2", "33.33"),
        ("5", "62.50"),
    ]
    assert [ind[k]["terisi"] for k in ("IK1", "IK2", "IK3", "IK4")] == [
        [3, 3],
        [2, 3],
        [1, 3],
        [9, 9],
    ]
    ang = {a["id"]: a for a in data["anggaran"]}  # type: ignore[attr-defined]
    assert (ang["P01"]["pagu"], ang["P01"]["realisasi"], ang["P01"]["serapan"]) == (
        "60000000",
        "41000000",
        "68.33",
    )
    assert (ang["P02"]["realisasi"], ang["P02"]["serapan"]) == ("9000000", "75.00")
    assert ang["P01/1/1"]["realisasi"] == "30000000"


def test_up_to_a_month_and_the_text_table(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    data = _show(folder, "--bulan", "5")
    ind = {i["id"]: i for i in data["indikator"]}  # type: ignore[attr-defined]
    assert (ind["IK4"]["realisasi"], ind["IK4"]["capaian"]) == ("3", "37.50")
    assert (ind["IK1"]["realisasi"], ind["IK1"]["capaian"]) == ("5", "16.67")
    ang = {a["id"]: a for a in data["anggaran"]}  # type: ignore[attr-defined]
    assert (ang["P02"]["realisasi"], ang["P02"]["serapan"]) == ("5000000", "41.67")
    assert (ang["P01"]["realisasi"], ang["P01"]["serapan"]) == ("15000000", "25.00")
    code, out, err = jalankan("show", str(folder), "--year", "2021", "--triwulan", "3")
    assert code == 0, err
    assert "s.d. triwulan 3" in out and "62,50" in out and "41.000.000" in out
    code, _out, err = jalankan("show", str(folder), "--triwulan", "3", "--bulan", "9")
    assert code == 2 and "--triwulan atau --bulan" in err


TARGET_PERUBAHAN = """\
pk:
  indikator: {IK1: 30, IK2: 12, IK3: 6, IK4: 8}
pk_perubahan:
  indikator:
    IK1: {target: 24, semula: 30, alasan: refocusing anggaran}
    IK2: 12
    IK3: 6
    IK4: 8
"""


def test_a_quarter_is_measured_against_the_pk_in_force(tmp_path: Path) -> None:
    """Issue 24: a quarter before the PK Perubahan is measured against the PK.  IK1's PK
    target is 30, its PK Perubahan (signed 20 Agustus 2021) 24; realisasi 5, 6, 7 per
    quarter (sifat jumlah):
    - triwulan II (ends 30 Juni): the PK: 11 / 30 = 36,67 %;
    - triwulan III (ends 30 September, after 20 Agustus): the PK Perubahan: 18 / 24 = 75,00 %;
    - the PK Perubahan without a date is in force from December: triwulan III 18 / 30 = 60,00 %.
    """
    folder = _folder(tmp_path)
    (folder / "2021" / "target.yaml").write_text(TARGET_PERUBAHAN)
    (folder / "2021" / "dokumen.yaml").write_text("pk_perubahan: {tanggal: 2021-08-20}\n")

    def ik1(data: dict[str, object]) -> tuple[object, object]:
        found = next(i for i in data["indikator"] if i["id"] == "IK1")  # type: ignore[attr-defined]
        return found["target"], found["capaian"]

    tw2 = _show(folder, "--triwulan", "2")
    assert ik1(tw2) == ("30", "36.67")
    assert tw2["sumber_target"] == "pk"
    assert tw2["pk_perubahan"] == {"tanggal": "2021-08-20", "berlaku": False}
    tw3 = _show(folder, "--triwulan", "3")
    assert ik1(tw3) == ("24", "75.00")
    assert tw3["sumber_target"] == "pk_perubahan"
    assert tw3["pk_perubahan"] == {"tanggal": "2021-08-20", "berlaku": True}
    code, out, err = jalankan("show", str(folder), "--year", "2021", "--triwulan", "2")
    assert code == 0, err
    assert "Target yang diukur: Perjanjian Kinerja; PK Perubahan (20 Agustus 2021) belum" in out
    (folder / "2021" / "dokumen.yaml").write_text("pk_perubahan: {tempat: Blora}\n")
    tanpa = _show(folder, "--triwulan", "3")
    assert ik1(tanpa) == ("30", "60.00")
    assert tanpa["pk_perubahan"] == {"tanggal": None, "berlaku": False}
    code, out, err = jalankan("show", str(folder), "--year", "2021", "--triwulan", "3")
    assert "PK Perubahan belum bertanggal (dokumen.yaml pk_perubahan.tanggal)" in out


def test_show_of_a_quarter_says_what_the_e81_does_not_grade(tmp_path: Path) -> None:
    """The E.81 of the quarter in show: Renstra 2020-2024, so 2021's column (6) is 2020,
    which this folder does not have: IK1 (sifat jumlah) is not graded, and no target
    akhir is written for any indikator either."""
    data = _show(_folder(tmp_path), "--triwulan", "3")
    e81 = data["e81"]
    assert isinstance(e81, dict) and e81["triwulan"] == 3
    rows = {r["no"]: r for r in e81["tidak_dinilai"]}
    assert [s["sebab"] for s in rows["1"]["k"]] == ["target_akhir", "realisasi_lalu"]
    assert rows["1"]["k"][1]["tahun"] == [2020]
    assert rows["1"]["k"][1]["pesan"] == "realisasi 2020 belum diketahui (kolom 6)"
    assert e81["rata_rata_k"] is None and e81["dinilai_k"][0] == 0
