"""The IKU document (seed 004): front matter, BAB I-V, and the IKU table on a landscape
section with one target column per Renstra year."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT

from sakipgen.jenis import tahun_bawaan
from sakipgen.render import susun
from sakipgen.render.iku import Kolom, lebar_kolom, terbilang
from tests.baca_docx import (
    Document,
    Paragraph,
    Section,
    Table,
    buka,
    gabung,
    gaya,
    kepala,
    paragraf_semua,
    sel,
    sel_grid,
    tabel,
    tak_terpisah,
    teks_baris,
    teks_dokumen,
)
from tests.conftest import EXAMPLES
from tests.render.conftest import docx, load, part

GROUP = "TARGET KINERJA SASARAN PADA TAHUN"


def bersih(text: str) -> str:
    """Text without the zero-width spaces the tables use as break opportunities."""
    return text.replace("\u200b", "")


def teks(dok: Document) -> str:
    return bersih(teks_dokumen(dok))


def iku_table(dok: Document) -> list[list[str]]:
    """Rows of cell texts of the IKU table (the one under the year group label), a cell
    spanning n grid columns repeated n times."""
    for t in tabel(dok):
        rows = [[bersih(c.text) for c in sel_grid(r)] for r in t.rows]
        if rows and GROUP in rows[0]:
            return rows
    raise AssertionError("no IKU table")


def row_of(rows: list[list[str]], indikator: str) -> dict[str, str]:
    """One indikator's cells keyed by column: the year, else the first header row."""
    labels = [low or top for top, low in zip(rows[0], rows[1], strict=True)]
    for r in rows[3:]:
        if indikator in r:
            return dict(zip(labels, r, strict=True))
    raise AssertionError(indikator)


@pytest.fixture(scope="module")
def tanjabbar_data() -> bytes:
    return docx("tanjabbar", "iku", 2017)


@pytest.fixture(scope="module")
def tanjabbar(tanjabbar_data: bytes) -> Document:
    return buka(tanjabbar_data)


@pytest.fixture(scope="module")
def blora() -> Document:
    return buka(docx("blora", "iku", 2017))


def test_default_year() -> None:
    # tanjabbar: the year whose dokumen.yaml has 'iku'; blora: the Renstra start.
    assert tahun_bawaan(load("tanjabbar").dinas, "iku") == 2017
    assert tahun_bawaan(load("blora").dinas, "iku") == 2017


def test_front_matter(tanjabbar: Document, tanjabbar_data: bytes) -> None:
    text = teks(tanjabbar)
    assert "INDIKATOR KINERJA UTAMA (IKU)" in text
    assert "TAHUN 2016-2021" in text
    assert "Jl. Letkol. Pol. Toegino No. 5 Telp./Fax. (0742) 21166" in text
    assert "KUALA TUNGKAL" in text
    # Kata pengantar from the narrative, signed with tempat from dokumen.yaml.
    assert "Ada 4 (empat) Indikator Kinerja Utama" in text
    assert "Kuala Tungkal, " in text and "SYAFRIWAN,\u00a0SE" in text
    assert "Pembina Tk. I / IV/b" in text
    assert "NIP. 19660912 199603 1 001" in text
    # Field codes and page numbering are not modelled by python-docx: the XML part.
    xml = part(tanjabbar_data)
    assert "TOC \\o &quot;1-3&quot;" in xml
    # Cover without page number; front matter ii, iii …; BAB I starts at 1.
    assert '<w:pgNumType w:fmt="lowerRoman" w:start="2"/>' in xml
    assert '<w:pgNumType w:fmt="decimal" w:start="1"/>' in xml


def test_headings(tanjabbar: Document) -> None:
    paras = paragraf_semua(tanjabbar)
    heads = [bersih(t) for s, t in paras if s == "Heading1"]
    assert heads == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I\nPENDAHULUAN",
        "BAB II\nPENGERTIAN INDIKATOR KINERJA UTAMA",
        "BAB III\nGAMBARAN UMUM",
        "BAB IV\nPENETAPAN INDIKATOR KINERJA UTAMA",
        "BAB V\nPENUTUP",
    ]
    assert any(s == "Heading2" for s, _ in paras)
    text = teks(tanjabbar)
    for sub in [
        "A. Latar Belakang",
        "B. Tujuan ditetapkannya Indikator Kinerja Utama",
        "C. Landasan Hukum",
        "D. Sistematika",
        "B. Langkah-langkah Penetapan Indikator Kinerja Utama",
        "C. Tugas Pokok dan Fungsi",
        "D. Arah Kebijakan",
        "Gambar 2.1 Langkah-langkah Penetapan Indikator Kinerja Utama",
    ]:
        assert sub in text


def test_visi_misi_and_kebijakan_from_renstra(tanjabbar: Document) -> None:
    text = teks(tanjabbar)
    assert "\u201cTerwujudnya Koperasi, Industri, Perdagangan yang Maju" in text
    assert "Meningkatnya Kualitas Kelembagaan Koperasi" in text
    assert "TERWUJUDNYA KABUPATEN TANJUNG JABUNG BARAT YANG MAJU" in text
    # The narrative names "Misi ke-3": that RPJMD misi is quoted after it.
    quoted = "\u201cMeningkatkan pembangunan ekonomi masyarakat melalui agroindustri"
    assert quoted in text
    assert text.index("Misi ke-3 (tiga)") < text.index(quoted)
    assert "Meningkatkan koordinasi dengan Pemerintah Provinsi" in text


def test_iku_table_tanjabbar(tanjabbar: Document) -> None:
    rows = iku_table(tanjabbar)
    assert rows[0] == [
        "No.",
        "Sasaran",
        "Indikator Kinerja",
        "Satuan",
        *[GROUP] * 6,
        "Penanggung Jawab",
        "Sumber Data",
    ]
    assert rows[1] == ["", "", "", "", "2016", "2017", "2018", "2019", "2020", "2021", "", ""]
    # Empty in every row: no Definisi and no Ket. column.
    assert "Definisi" not in " ".join(rows[0]) and "Ket." not in rows[0]
    assert rows[2] == [f"({i})" for i in range(1, 13)]
    ik32 = row_of(rows, "Persentase pertumbuhan Nilai Ekspor dan impor")
    assert ik32["2018"] == "8% dan 17%" and ik32["2021"] == "9% dan 18%"
    ik21 = row_of(rows, "Koperasi Aktif")
    assert [ik21[str(y)] for y in range(2016, 2022)] == [
        "20\u00a0Kop",
        "21\u00a0Kop",
        "22\u00a0Kop",
        "25\u00a0Kop",
        "28\u00a0Kop",
        "30\u00a0Kop",
    ]
    assert ik21["Sasaran"] == "Meningkatnya Kualitas Kelembagaan Koperasi"
    assert ik21["No."] == "2."
    assert ik21["Satuan"] == "koperasi"
    ik11 = row_of(rows, "Meningkatnya jumlah UMKM yang berkelanjutan")
    assert ik11["2016"] == "-" and ik11["2017"] == "-"
    assert ik11["2019"] == "3000 UMKM, 100 sertifikasi usaha mikro, 10 Kop/KSP/USP/UMKM"
    assert row_of(rows, "Persentase Peningkatan ketersediaan barang")["2020"] == "2%"
    assert len(rows) == 3 + 9  # three header rows, nine IKU indikator


def test_sasaran_merged_over_indikator(tanjabbar: Document) -> None:
    for tbl in tabel(tanjabbar):
        trs = list(tbl.rows)
        if not any(GROUP in c for c in teks_baris(trs[0])):
            continue
        # Header rows repeat on every page; every row stays on one page.
        assert all(kepala(tr) for tr in trs[:3])
        assert not any(kepala(tr) for tr in trs[3:])
        assert all(tak_terpisah(tr) for tr in trs)
        sasaran = [sel(tr)[1] for tr in trs[3:]]
        # S1 has 3 indikator, S2 1, S3 4, S4 1.
        kinds = [gabung(tc) or "-" for tc in sasaran]
        assert kinds == [
            "restart",
            "continue",
            "continue",
            "-",
            "restart",
            "continue",
            "continue",
            "continue",
            "-",
        ]
        return
    raise AssertionError("no IKU table")


def _is_iku_table(block: Paragraph | Table) -> bool:
    return isinstance(block, Table) and GROUP in teks_baris(block.rows[0])


def _is_bab(block: Paragraph | Table, bab: str) -> bool:
    return (
        isinstance(block, Paragraph)
        and gaya(block) == "Heading1"
        and block.text.startswith(f"{bab}\n")
    )


def test_iku_table_on_landscape_section(tanjabbar: Document) -> None:
    sections: list[Section] = list(tanjabbar.sections)
    blocks = [list(s.iter_inner_content()) for s in sections]
    where = [i for i, b in enumerate(blocks) if any(_is_iku_table(x) for x in b)]
    assert len(where) == 1
    i = where[0]
    assert sections[i - 1].orientation == WD_ORIENT.PORTRAIT
    assert sections[i].orientation == WD_ORIENT.LANDSCAPE
    assert [s.orientation for s in sections].count(WD_ORIENT.LANDSCAPE) == 1
    # BAB IV is on the landscape section (before the table), BAB V back on portrait.
    table_at = next(k for k, x in enumerate(blocks[i]) if _is_iku_table(x))
    bab_iv = [(j, k) for j, b in enumerate(blocks) for k, x in enumerate(b) if _is_bab(x, "BAB IV")]
    assert bab_iv[0][0] == i and bab_iv[0][1] < table_at
    assert next(j for j, b in enumerate(blocks) if any(_is_bab(x, "BAB V") for x in b)) > i
    assert sections[-1].orientation == WD_ORIENT.PORTRAIT


def test_blora_without_narrative(blora: Document) -> None:
    text = teks(blora)
    # Standard wording for BAB I/II, data-driven BAB III/IV.
    assert "PER/09/M.PAN/5/2007" in text
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in text
    assert "Rencana Strategis (Renstra) Dinas Perdagangan, Koperasi" in text
    assert "4 (empat) indikator untuk 2 (dua) sasaran strategis" in text
    assert "\u201cTerwujudnya Masyarakat Blora yang Lebih Sejahtera dan Bermartabat\u201d" in text
    assert "Meningkatkan pembinaan koperasi agar berkategori sehat" in text  # strategi
    assert "D. Strategi" in text
    assert "Blora, " in text and "LULUK KUSUMA AGUNG ARIADI,\u00a0AP" in text
    rows = iku_table(blora)
    assert rows[1][4:9] == ["2017", "2018", "2019", "2020", "2021"]
    # No penanggung jawab, definisi or keterangan anywhere: those columns are dropped.
    assert rows[0] == ["No.", "Sasaran", "Indikator Kinerja", "Satuan", *[GROUP] * 5, "Sumber Data"]
    ik12 = row_of(rows, "Jumlah Usaha Mikro Kecil dan Menengah (UMKM)")
    assert ik12["2021"] == "6.825" and ik12["2020"] == "6.800" and ik12["2017"] == "-"
    assert row_of(rows, "Nilai ekspor produk-produk asal Kabupaten Blora")["2021"] == "2.942.679"
    # IK3.1 has iku: false.
    assert not any("rata-rata hasil ketercapaian" in c for r in rows for c in r)


def test_same_bytes_twice() -> None:
    assert docx("tanjabbar", "iku", 2017) == docx("tanjabbar", "iku", 2017)
    assert docx("blora", "iku", 2017) == docx("blora", "iku", 2017)


def copy(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(EXAMPLES / name, root, ignore=shutil.ignore_patterns("build"))
    return root


def test_definisi_and_keterangan_columns_when_given(tmp_path: Path) -> None:
    root = copy(tmp_path, "tanjabbar")
    renstra = root / "renstra.yaml"
    renstra.write_text(
        renstra.read_text(encoding="utf-8").replace(
            "        uraian: Koperasi Aktif\n",
            "        uraian: Koperasi Aktif\n"
            "        definisi: Koperasi yang melaksanakan RAT & <aktif>\n"
            "        formula: Jumlah koperasi yang melaksanakan RAT\n"
            "        keterangan: Data akhir tahun\n",
        ),
        encoding="utf-8",
    )
    rows = iku_table(buka(docx(root, "iku", 2017)))
    assert rows[0][3] == "Definisi Operasional/Formula"
    assert rows[0][-1] == "Ket."
    ik21 = row_of(rows, "Koperasi Aktif")
    assert ik21["Definisi Operasional/Formula"] == (
        "Koperasi yang melaksanakan RAT & <aktif>\nFormula: Jumlah koperasi yang melaksanakan RAT"
    )
    assert ik21["Ket."] == "Data akhir tahun"
    assert row_of(rows, "Pengembangan wirausaha baru yang berpotensi tumbuh")["Ket."] == ""


def test_missing_data_is_a_diagnostic(tmp_path: Path) -> None:
    hasil = susun(load("blora", 2030), "iku", 2030)
    assert hasil.data is None and [d.code for d in hasil.diagnostics] == ["D001"]
    assert "periode Renstra 2017-2021" in hasil.diagnostics[0].message
    root = copy(tmp_path, "tanjabbar")
    renstra = root / "renstra.yaml"
    text = re.sub(
        r"(\n      - id: IK[\d.]+\n)", r"\1        iku: false\n", renstra.read_text("utf-8")
    )
    renstra.write_text(text, encoding="utf-8")
    hasil = susun(load(root), "iku", 2017)
    assert hasil.data is None and "iku: true" in hasil.diagnostics[0].message


def test_column_widths() -> None:
    cols = [
        Kolom("a", "Sasaran", ["Menumbuhkembangkan dan meningkatkan"], bobot=2.6),
        Kolom("b", "2016", ["2.942.679"], "center", batas=2000),
        Kolom("c", "2017", ["1"], "center", batas=2000),
    ]
    widths = lebar_kolom(cols, 8000, seragam=[1, 2])
    assert sum(widths) == 8000
    assert widths[1] == widths[2] >= cols[1].minimum()
    assert widths[0] >= cols[0].minimum()


def test_terbilang() -> None:
    assert [terbilang(n) for n in (4, 9, 11, 12, 20, 21, 100, 115)] == [
        "empat",
        "sembilan",
        "sebelas",
        "dua belas",
        "dua puluh",
        "dua puluh satu",
        "seratus",
        "seratus lima belas",
    ]
