"""Every document the examples build, read back by an independent reader (python-docx,
used only here) the way Word would: it opens, its paragraphs carry styles the document
defines, its headings are Word headings in the order of the seeds, and its tables hold
the figures computed by hand from the seeds' inputs."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from sakipgen.render import susun
from tests.conftest import CONTOH, bundel, dokumen_contoh


def _dokumen(contoh: str, jenis: str, tahun: int) -> Any:
    hasil = susun(bundel(contoh), jenis, tahun)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return docx.Document(io.BytesIO(hasil.data))


def _baris(d: Any) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in d.tables for r in t.rows]


@pytest.mark.parametrize("contoh", CONTOH)
def test_every_document_opens_with_defined_styles(contoh: str) -> None:
    opened = 0
    for _jenis, _tahun, hasil in dokumen_contoh(contoh):
        assert hasil.data is not None
        d = docx.Document(io.BytesIO(hasil.data))
        defined = {s.style_id for s in d.styles}
        body = d.element.body
        used = {
            el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            for el in body.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle"
            )
        }
        assert used <= defined, used - defined
        assert d.paragraphs and d.sections
        opened += 1
    assert opened >= 1


def test_lkjip_headings_follow_the_seed() -> None:
    d = _dokumen("blora", "lkjip", 2021)
    bab = [p.text for p in d.paragraphs if p.style.name == "Heading 1" and "BAB" in p.text]
    assert bab == [
        "BAB I\nPENDAHULUAN",
        "BAB II\nPERENCANAAN DAN PERJANJIAN KINERJA",
        "BAB III\nAKUNTABILITAS KINERJA TAHUN 2021",
        "BAB IV\nPENUTUP",
    ]
    assert any(p.style.name == "Heading 2" for p in d.paragraphs)


def test_lkjip_measurement_table_holds_the_hand_computed_capaian() -> None:
    rows = _baris(_dokumen("blora", "lkjip", 2021))
    # IK1.1: realisasi 43,30 against target 32 → 43,30 / 32 × 100 = 135,3125 → 135,31.
    ik11 = next(
        r for r in rows if any("Persentase koperasi sehat" in c for c in r) and "135,31" in r
    )
    # Target and realisasi as written in 2021/target.yaml and realisasi.yaml (32, 43.30).
    assert ik11[2:5] == ["32", "43,30", "135,31"]
    # IK1.2: 13.244 unit against 6.825 → 194,051… → 194,05 (Blora prints no cap).
    assert any("194,05" in r for r in rows)


def test_pk_program_table_holds_the_sumber_dana_shares() -> None:
    rows = _baris(_dokumen("blora", "pk", 2021))
    p02 = next(r for r in rows if "Program Pendidikan dan Latihan Perkoperasian" in r)
    # 406.182.400 / 556.182.400 × 100 = 73,0300… → 73,03; 150.000.000 / 556.182.400 → 26,97.
    assert p02[2:] == [
        "Rp\u00a0556.182.400",
        # A no-break space between each amount and its unit (Rp, %).
        "DAK Non Fisik P2UKM Rp\u00a0406.182.400 (73,03\u00a0%); "
        "APBD Rp\u00a0150.000.000 (26,97\u00a0%)",
    ]
    # The nine programs of 2021/anggaran.yaml: 30.000.000 + 556.182.400 + 320.000.000 +
    # 100.000.000 + 10.000.000 + 596.000.000 + 60.000.000 + 45.000.000 + 10.000.000.
    jumlah = next(r for r in rows if r and r[0] == "JUMLAH")
    assert "Rp\u00a01.727.182.400" in jumlah


def test_pk_signatures_name_both_parties() -> None:
    d = _dokumen("blora", "pk", 2021)
    texts = [p.text for p in d.paragraphs] + [c for r in _baris(d) for c in r]
    joined = "\n".join(texts)
    assert "Pihak Pertama," in joined and "Pihak Kedua," in joined
    assert "BUPATI BLORA" in joined
