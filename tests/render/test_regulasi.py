"""The standard wording cites only the regulations in force in the document's year
(issue 12: the Sinjai IKU 2013 cited UU 23/2014, Perpres 29/2014, PermenPAN-RB 53/2014)."""

from __future__ import annotations

import pytest

from sakipgen.render.regulasi import POKOK, landasan, regulasi
from tests.baca_docx import buka, teks_dokumen
from tests.render.conftest import docx


@pytest.mark.parametrize(
    ("pokok", "tahun", "nomor"),
    [
        ("pemda", 2013, "Nomor 32 Tahun 2004"),
        ("pemda", 2014, "Nomor 23 Tahun 2014"),  # enacted in 2014: cited from 2014
        ("sakip", 2013, "Instruksi Presiden Nomor 7 Tahun 1999"),
        ("sakip", 2021, "Peraturan Presiden Nomor 29 Tahun 2014"),
        ("pk", 2011, "Nomor 29 Tahun 2010"),
        ("pk", 2018, "Nomor 53 Tahun 2014"),
        ("evaluasi", 2021, "Nomor 12 Tahun 2015"),
        ("evaluasi", 2022, "Nomor 88 Tahun 2021"),
        ("perencanaan_daerah", 2016, "Nomor 54 Tahun 2010"),
        ("perencanaan_daerah", 2017, "Nomor 86 Tahun 2017"),
    ],
)
def test_the_regulation_in_force(pokok: str, tahun: int, nomor: str) -> None:
    found = regulasi(pokok, tahun)
    assert found is not None and nomor in found.judul


def test_a_topic_without_a_regulation_yet_is_left_out() -> None:
    assert regulasi("evaluasi", 2014) is None
    assert landasan(["evaluasi", "kkn"], 2014) == [POKOK["kkn"][0].judul]


def test_each_topic_has_one_regulation_in_force_per_year_once_enacted() -> None:
    for pokok, regs in POKOK.items():
        for tahun in range(regs[0].tahun, 2031):
            assert sum(r.berlaku(tahun) for r in regs) == 1, (pokok, tahun)


def test_sinjai_iku_2013_cites_the_law_of_2013() -> None:
    text = teks_dokumen(buka(docx("sinjai", "iku", 2013)))
    for later in (
        "Nomor 23 Tahun 2014",
        "Nomor 29 Tahun 2014",
        "Nomor 53 Tahun 2014",
        "86 Tahun 2017",
    ):
        assert later not in text, later
    assert "Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah;" in text
    assert "Instruksi Presiden Nomor 7 Tahun 1999" in text


def test_rencana_aksi_2021_cites_the_rules_of_2021() -> None:
    text = teks_dokumen(buka(docx("buleleng", "rencana-aksi", 2021)))
    assert "Nomor 12 Tahun 2015 tentang Pedoman Evaluasi" in text  # 88/2021 applies from 2022
    assert "Nomor 88 Tahun 2021" not in text
