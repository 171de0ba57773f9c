"""LKjIP Blora 2021: structure and figures in the generated WordprocessingML.

Expected figures are computed by hand from the seed's inputs (see tests/test_examples.py)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest
from docx.shared import Twips

from tests.baca_docx import (
    Document,
    buka,
    kepala,
    paragraf_semua,
    semua_baris,
    tabel,
    tak_terpisah,
)
from tests.render.conftest import docx, part


@pytest.fixture(scope="module")
def data() -> bytes:
    return docx("blora", "lkjip", 2021)


@pytest.fixture(scope="module")
def xml(data: bytes) -> str:
    return part(data)


@pytest.fixture(scope="module")
def dok(data: bytes) -> Document:
    return buka(data)


def test_headings_on_word_heading_styles(dok: Document) -> None:
    heads = [t for s, t in paragraf_semua(dok) if s == "Heading1"]
    assert "BAB I\nPENDAHULUAN" in heads
    assert "BAB III\nAKUNTABILITAS KINERJA TAHUN 2021" in heads
    assert "BAB IV\nPENUTUP" in heads
    h2 = [t for s, t in paragraf_semua(dok) if s == "Heading2"]
    assert "A. Capaian Kinerja Organisasi" in h2 and "B. Realisasi Anggaran" in h2


def test_captions_numbered_per_bab(dok: Document) -> None:
    captions = [t for s, t in paragraf_semua(dok) if s == "JudulTabel"]
    assert captions[0] == "Tabel 1.1 Jumlah Personalia Menurut Golongan Kepangkatan"
    assert "Tabel 2.1 Indikator Kinerja Utama" in captions
    assert "Tabel 3.1 Skala Pengukuran Kinerja Laporan Kinerja Instansi Pemerintah" in captions
    assert "Tabel 3.2 Pengukuran Kinerja Sasaran 1" in captions
    assert "Tabel 3.3 Data Koperasi Sehat Kabupaten Blora Tahun 2021" in captions
    assert any(c.startswith("Tabel 4.1 ") for c in captions)
    figures = [t for s, t in paragraf_semua(dok) if s == "JudulGambar"]
    assert figures and figures[0].startswith("Gambar 3.1 ")


def test_toc_and_lists_are_fields(xml: str) -> None:
    assert "TOC \\o &quot;1-3&quot; \\h \\z \\u" in xml
    assert "TOC \\h \\z \\t &quot;Judul Tabel,4&quot;" in xml
    assert "TOC \\h \\z \\t &quot;Judul Gambar,4&quot;" in xml


def test_capaian_figures_in_indonesian_format(dok: Document) -> None:
    rows = semua_baris(dok)
    ik11 = next(
        r for r in rows if any("Persentase koperasi sehat" in c for c in r) and "135,31" in r
    )
    # target, realisasi, capaian, last year, against target akhir, kategori
    assert ik11[-6:] == ["32", "43,30", "135,31", "117,31", "135,31", "Sangat Baik"]
    ik21 = next(r for r in rows if any("Nilai ekspor" in c for c in r) and "89,89" in r)
    assert "US$\u00a02.942.679" in ik21 and "US$\u00a02.645.059" in ik21 and "Baik" in ik21
    averages = [r for r in rows if r and r[0] == "Rata-rata capaian sasaran"]
    assert [r[1:3] for r in averages] == [["164,68", "155,89"], ["106,88", "111,67"]]


def test_budget_table(dok: Document) -> None:
    rows = semua_baris(dok)
    total = next(r for r in rows if r and r[0] == "JUMLAH" and "1.576.408.211" in r)
    assert total == ["JUMLAH", "1.727.182.400", "1.576.408.211", "91,27"]
    p05 = next(
        r for r in rows if "Program Perizinan dan Pendaftaran Perusahaan" in r and "100,00" in r
    )
    assert p05[-3:] == ["10.000.000", "10.000.000", "100,00"]
    eff = next(r for r in rows if r and r[0] == "JUMLAH / KESELURUHAN")
    assert eff == ["JUMLAH / KESELURUHAN", "135,78", "91,27", "150.774.189", "8,73"]


def test_narrative_figures_come_from_data(dok: Document) -> None:
    text = " ".join(t for _, t in paragraf_semua(dok))
    assert "sebesar 135,78% (Sangat Baik)" in text
    assert "Rp 861.084.520,- atau 85,58% dari total pagu sebesar Rp 1.006.182.400" in text
    assert "{{" not in text


def test_sections_page_numbers_and_repeated_headers(xml: str, dok: Document) -> None:
    # python-docx does not model w:pgNumType: checked on the XML part
    assert 'w:pgNumType w:fmt="lowerRoman" w:start="1"' in xml
    assert 'w:pgNumType w:fmt="decimal" w:start="1"' in xml
    a4 = [s for s in dok.sections if (s.page_width, s.page_height) == (Twips(11906), Twips(16838))]
    assert len(a4) >= 3  # A4 portrait sections
    rows = [r for t in tabel(dok) for r in t.rows]
    assert any(kepala(r) for r in rows)
    # every table row that is a header repeats; every row is kept together
    assert all(tak_terpisah(r) for r in rows)


def test_charts_are_native_word_charts(data: bytes) -> None:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        # target vs realisasi per numeric indikator (2 + 2) and a trend per sasaran (2)
        charts = [n for n in zf.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
        assert len(charts) == 6
        rels = zf.read("word/_rels/document.xml.rels").decode()
        assert rels.count('relationships/chart"') == 6
        assert 'relationships/image"' not in rels
        types = zf.read("[Content_Types].xml").decode()
        assert types.count("drawingml.chart+xml") == 6


def test_byte_identical_rebuild(data: bytes) -> None:
    assert docx("blora", "lkjip", 2021) == data
    with zipfile.ZipFile(BytesIO(data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
        assert re.search(r"<dcterms:created[^>]*>2021-01-31T00:00:00Z<", core)  # dokumen.yaml date
        assert '<w:updateFields w:val="true"/>' in zf.read("word/settings.xml").decode()


def test_section_letters_follow_the_sections_present(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from tests.conftest import EXAMPLES

    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    (root / "2021" / "narasi" / "lkjip" / "bab1" / "fungsi-strategis.md").unlink()
    (root / "2021" / "narasi" / "lkjip" / "bab4" / "permasalahan.md").unlink()
    heads = [t for s, t in paragraf_semua(buka(docx(root, "lkjip", 2021))) if s == "Heading2"]
    assert "B. Permasalahan Utama" in heads and "C. Permasalahan Utama" not in heads
    assert "B. Strategi untuk Peningkatan Kinerja di Masa Datang" in heads


def test_a_kegiatan_serving_another_sasaran_moves_its_money(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: P01's one kegiatan (given P01's pagu 30.000.000 and realisasi
    26.200.000) names S2 although P01 names S1. Tabel 3.9 then counts that money
    under sasaran 2, and the kegiatan is listed under sasaran 2, not 1."""
    from docx import Document as buka_docx

    from tests.conftest import salin

    root = salin(tmp_path)
    path = root / "2021" / "anggaran.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition("        sub_kegiatan:")  # P01's only kegiatan
    extra = "        sasaran: S2\n        pagu: 30000000\n        realisasi: 26200000\n"
    path.write_text(head + extra + sep + tail, encoding="utf-8")
    dok = buka_docx(BytesIO(docx(root, "lkjip", 2021)))
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in dok.tables]
    efisiensi = next(t for t in tables if t[0][-2:] == ["Efisiensi (Rp)", "Efisiensi (%)"])
    # S1: pagu 1.006.182.400 − 30.000.000 = 976.182.400, realisasi 861.084.520 −
    # 26.200.000 = 834.884.520: serapan 85,5254…, efisiensi 141.297.880 (14,4745…).
    assert efisiensi[2][3:] == ["85,53", "141.297.880", "14,47"]
    # S2: 721.000.000 + 30.000.000 = 751.000.000 and 715.323.691 + 26.200.000 =
    # 741.523.691: serapan 98,7381…, efisiensi 9.476.309 (1,2618…).
    assert efisiensi[3][3:] == ["98,74", "9.476.309", "1,26"]
    assert efisiensi[4][3:] == ["91,27", "150.774.189", "8,73"]  # the total is unchanged
    kegiatan = [t for t in tables if t[0][:3] == ["Program", "Kegiatan", "Sub Kegiatan"]]
    assert len(kegiatan) == 2
    first, second = ([row[0] for row in k[1:]] for k in kegiatan)
    assert not any("Penilaian Kesehatan" in p for p in first)
    assert any("Penilaian Kesehatan" in p for p in second)


def test_serapan_kategori_beside_serapan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: ``profil.skala_serapan`` prints a kategori beside every serapan of the
    budget tables (Tabel 3.8 and 3.9); Blora's serapan 85,58 (S1), 99,21 (S2) and
    91,27 (total) on the Permendagri 86 scale."""
    from docx import Document as buka_docx

    from tests.conftest import dengan_skala_serapan

    root = dengan_skala_serapan(tmp_path)
    dok = buka_docx(BytesIO(docx(root, "lkjip", 2021)))
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in dok.tables]
    efisiensi = next(t for t in tables if t[0][-2:] == ["Efisiensi (Rp)", "Efisiensi (%)"])
    assert efisiensi[0][3:5] == ["Serapan Anggaran (%)", "Kategori Serapan"]
    assert [r[3:5] for r in efisiensi[2:]] == [
        ["85,58", "Tinggi"],
        ["99,21", "Sangat Tinggi"],
        ["91,27", "Sangat Tinggi"],
    ]
    realisasi = next(t for t in tables if t[0][:3] == ["Sasaran", "Program", "Pagu (Rp)"])
    assert realisasi[0][-2:] == ["%", "Kategori"]
    assert realisasi[-1][-2:] == ["91,27", "Sangat Tinggi"]
    # Without the scale the tables keep their columns (every other test).
    plain = buka_docx(BytesIO(docx("blora", "lkjip", 2021)))
    heads = [[c.text for c in t.rows[0].cells] for t in plain.tables]
    assert ["Sasaran", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"] in heads
    assert not any("Kategori Serapan" in h for h in heads)
