"""Consistency checks added by issue 24 beyond their golden cases: sumber dana at the
dinas's precision (K023) and the E.81's pagu indikatif only where an E.81 is made
(K025)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, ganti, periksa

GOLDEN = ROOT / "tests" / "golden"

TIGA = """\
program:
  - id: P1
    uraian: Program satu
    sasaran: S1
    pagu: 90000000
    sumber_dana: [{sumber: APBD, persen: 33.3333}, {sumber: DAK, persen: 33.3333},
                  {sumber: DBHCHT, persen: 33.3333}]
"""


def _kode(folder: Path, code: str) -> list[str]:
    _dinas, diags = periksa(folder)
    return [d.message for d in diags if d.code == code]


def test_percentages_add_up_at_the_dinas_precision(tmp_path: Path) -> None:
    """33,3333 % three times is 99,9999 %: 100,00 at the default 2 places (no
    warning); at 4 places (profil.desimal: 4) it is 99,9999, not 100."""
    folder = tmp_path / "dinas"
    shutil.copytree(GOLDEN / "K006-kegiatan-pagu", folder)
    (folder / "expected.txt").unlink()
    (folder / "2021" / "anggaran.yaml").write_text(TIGA, encoding="utf-8")
    assert _kode(folder, "K023") == []
    sakip = folder / "sakip.yaml"
    sakip.write_text(sakip.read_text(encoding="utf-8") + "profil: {desimal: 4}\n", "utf-8")
    assert _kode(folder, "K023") == [
        "sumber dana berjumlah 99,9999 % dari pagu Rp 90.000.000, bukan 100 %; samakan "
        "jumlahnya dengan pagu"
    ]


def test_one_amount_is_its_share_alone(tmp_path: Path) -> None:
    """A single sumber dana of Rp 60.000.000 for a pagu of Rp 90.000.000: 60 / 90 × 100 =
    66,666… → 66,67 %, shown once (not "66,67 % = 66,67 %"); difference 30.000.000."""
    folder = tmp_path / "dinas"
    shutil.copytree(GOLDEN / "K006-kegiatan-pagu", folder)
    (folder / "expected.txt").unlink()
    satu = (
        TIGA.split("    sumber_dana:")[0] + "    sumber_dana: [{sumber: APBD, jumlah: 60000000}]\n"
    )
    (folder / "2021" / "anggaran.yaml").write_text(satu, encoding="utf-8")
    assert _kode(folder, "K023") == [
        "sumber dana berjumlah Rp 60.000.000 (66,67 % dari pagu), tidak sama dengan pagu "
        "Rp 90.000.000 (selisih Rp 30.000.000); samakan jumlahnya dengan pagu"
    ]


def test_pagu_indikatif_only_where_an_e81_is_made(tmp_path: Path) -> None:
    """The K025 case without its quarter reported: no E.81 can be made, no warning;
    with every Renstra year's pagu indikatif written, only the program outside the
    Renstra is left."""
    folder = tmp_path / "dinas"
    shutil.copytree(GOLDEN / "K025-e81-tanpa-pagu-indikatif", folder)
    anggaran = folder / "2021" / "anggaran.yaml"
    ganti(anggaran, "realisasi_triwulan: {1: 200000}", "realisasi: 200000")
    ganti(anggaran, "realisasi_triwulan: {1: 100000}", "realisasi: 100000")
    assert _kode(folder, "K025") == []
    shutil.rmtree(folder)
    shutil.copytree(GOLDEN / "K025-e81-tanpa-pagu-indikatif", folder)
    ganti(
        folder / "renstra.yaml",
        "pagu: {2020: 1000000, 2021: 1000000}",
        "pagu: {2020: 1000000, 2021: 1000000, 2022: 1000000, 2023: 1000000, 2024: 1000000}",
    )
    found = _kode(folder, "K025")
    assert len(found) == 1 and found[0].startswith("'Program dua' tidak ada di renstra.yaml")


def test_years_joined_in_the_active_language(tmp_path: Path) -> None:
    """Two years not in a run are joined by 'dan', in English by 'and': the K025 of the
    golden case with 2020-2022 written leaves 2023 and 2024; an E.81 row's reason on
    screen (TidakDinilai.pesan) likewise, while documents (teks) keep Indonesian."""
    from sakipgen.i18n import atur_bahasa
    from sakipgen.model.hasil import TidakDinilai

    folder = tmp_path / "dinas"
    shutil.copytree(GOLDEN / "K025-e81-tanpa-pagu-indikatif", folder)
    ganti(
        folder / "renstra.yaml",
        "pagu: {2020: 1000000, 2021: 1000000}",
        "pagu: {2020: 1000000, 2021: 1000000, 2022: 1000000}",
    )
    sebab = TidakDinilai("realisasi_lalu", (2019, 2020))
    try:
        atur_bahasa("en")
        found = _kode(folder, "K025")
        assert any("for 2023 and 2024 is not filled in" in m for m in found), found
        assert sebab.pesan() == "realisasi of 2019 and 2020 not known (column 6)"
        assert sebab.teks() == "realisasi 2019 dan 2020 belum diketahui (kolom 6)"
    finally:
        atur_bahasa("id")
    assert any("tahun 2023 dan 2024 belum diisi" in m for m in _kode(folder, "K025"))
    assert sebab.pesan() == "realisasi 2019 dan 2020 belum diketahui (kolom 6)"
