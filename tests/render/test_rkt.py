"""RKT: Blora 2020 (one titled page, sections a.–e., formulir) and Sinjai 2018 (BAB I–III,
rencana anggaran, Lampiran I evaluation of 2017, Lampiran II).

Expected figures are worked out by hand from the example files: the Sinjai 2017
capaian are realisasi / target × 100 (86,82 / 83,69 = 103,74 …), their mean
663,37 / 6 = 110,56; the Sinjai program pagu add up to
519.857.850 + 173.136.000 + 62.500.000 + 53.905.000 + 64.714.950 + 35.445.000
+ 147.525.000 + 86.461.000 + 278.579.000 + 43.096.000 + 32.476.000 = 1.497.695.800,
and the kegiatan pagu to 3.600.000 + 55.000.000 less (P01 and P02 as printed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT

from sakipgen.jenis import tahun_bawaan
from sakipgen.pipeline import Bundel
from sakipgen.render import susun
from tests.baca_docx import Document, Section, buka, nomor_halaman
from tests.baca_docx import paragraf as paragraphs
from tests.baca_docx import semua_baris as rows
from tests.baca_docx import teks_dokumen as text
from tests.conftest import EXAMPLES, bundel


def load(folder: Path, *tahun: int) -> Bundel:
    return bundel(folder, *tahun)


def document(folder: Path, tahun: int) -> Document:
    hasil = susun(load(folder), "rkt", tahun)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return buka(hasil.data)


def sections(root: Document) -> list[Section]:
    return list(root.sections)


@pytest.fixture(scope="module")
def blora() -> Document:
    return document(EXAMPLES / "blora", 2020)


@pytest.fixture(scope="module")
def sinjai() -> Document:
    return document(EXAMPLES / "sinjai", 2018)


def test_default_year_is_the_latest_with_rkt() -> None:
    assert tahun_bawaan(load(EXAMPLES / "blora").dinas, "rkt") == 2020
    assert tahun_bawaan(load(EXAMPLES / "sinjai").dinas, "rkt") == 2018
    assert tahun_bawaan(load(EXAMPLES / "tanjabbar").dinas, "rkt") is None


# --- Blora 2020 ------------------------------------------------------------------------


def test_blora_starts_with_kop_and_cover(blora: Document) -> None:
    texts = [t for _, t in paragraphs(blora) if t]
    assert texts[:2] == [
        "PEMERINTAH KABUPATEN BLORA",
        # Too long for one line beside the logo: two even lines, no word left alone.
        "DINAS PERDAGANGAN, KOPERASI,\nUSAHA KECIL DAN MENENGAH",
    ]
    assert "RENCANA KINERJA TAHUNAN" in texts and "TAHUN 2020" in texts
    assert "Tahun 2019" in texts  # the year it was drawn up (dokumen.yaml rkt.tanggal)
    first = sections(blora)[0]
    assert nomor_halaman(first) is None  # no page number on the cover


def test_blora_sections_a_to_e_from_its_narrative(blora: Document) -> None:
    heads = [t for s, t in paragraphs(blora) if s == "Heading2"]
    assert heads == [
        "a. Pengertian Rencana Kinerja Tahunan (RKT)",
        "b. Penetapan Sasaran RKT",
        "c. Indikator Kinerja Sasaran",
        "d. Penetapan Target",
        "e. Rencana Kinerja Tahunan Dinas Perdagangan, Koperasi, Usaha Kecil dan Menengah "
        "Kabupaten Blora",
    ]
    body = [t for s, t in paragraphs(blora) if s == "Teks" and t]
    assert body[0].startswith("Rencana Kinerja Tahunan (RKT) merupakan penjabaran")
    assert not [t for s, t in paragraphs(blora) if s == "Heading1"]  # no BAB, no lampiran


def test_blora_formulir(blora: Document) -> None:
    texts = [t for _, t in paragraphs(blora)]
    assert "FORMULIR RENCANA KINERJA TAHUNAN" in texts
    assert "TINGKAT ORGANISASI PERANGKAT DAERAH" in texts
    assert "OPD : DINAS PERDAGANGAN, KOPERASI, USAHA KECIL DAN MENENGAH KABUPATEN BLORA" in texts
    assert "TAHUN : 2020" in texts
    table = rows(blora)
    start = table.index(["No.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"])
    assert table[start + 1] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    body = table[start + 2 : start + 7]
    assert [r[-2:] for r in body] == [
        ["%", "32"],
        ["unit", "6.800"],
        ["US$", "2.913.544"],
        ["%", "60"],
        ["%", "100"],
    ]
    # sasaran cells merged over their indikator: the continued cells are empty
    assert [r[0] for r in body] == ["1.", "", "2.", "", "3."]
    assert body[1][1] == "" and body[0][1].startswith("Meningkatnya kualitas koperasi")
    assert body[1][2] == "2. Jumlah Usaha Mikro Kecil dan Menengah (UMKM)"


def test_blora_signature_from_dokumen_yaml(blora: Document) -> None:
    everything = text(blora)
    for line in [
        "Blora, 2 Januari 2019",
        "KEPALA DINDAGKOP DAN UKM KABUPATEN BLORA",
        "Ir. MASKUR,\u00a0M.M",
        "Pembina Utama Muda",
        "NIP. 19601020 199003 1 002",
    ]:
        assert line in everything


# --- Sinjai 2018 ------------------------------------------------------------------------


def test_sinjai_structure(sinjai: Document) -> None:
    h1 = [t for s, t in paragraphs(sinjai) if s == "Heading1"]
    assert h1 == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I\nPENDAHULUAN",
        "BAB II\nRENCANA KINERJA TAHUNAN (RKT)",
        "BAB III\nPENUTUP",
        "LAMPIRAN",
    ]
    h2 = [t for s, t in paragraphs(sinjai) if s == "Heading2"]
    assert h2 == [
        "1.1 Latar Belakang",
        "1.2 Landasan Hukum",
        "1.3 Maksud dan Tujuan",
        "1.4 Sistematika Penulisan",
        "2.1 Evaluasi Pelaksanaan Rencana Kinerja Tahunan (RKT) Tahun 2017",
        "2.2 Rencana Kinerja Tahunan (RKT) Tahun 2018",
        "Lampiran I : Evaluasi Pelaksanaan RKT Tahun 2017",
        "Lampiran II : RENCANA KINERJA TAHUNAN (RKT) Tahun 2018",
    ]
    # the narrative the dinas wrote
    body = [t for s, t in paragraphs(sinjai) if s == "Teks" and t]
    assert body[0].startswith("Puji syukur ke hadirat Allah SWT")


def test_sinjai_page_numbers_roman_then_arabic(sinjai: Document) -> None:
    formats = [nomor_halaman(s) for s in sections(sinjai)]
    assert formats[:3] == [None, ("lowerRoman", "1"), ("decimal", "1")]
    orient = [s.orientation for s in sections(sinjai)]
    landscape = [o for o in orient if o == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 1  # the rencana anggaran


def test_sinjai_kata_pengantar_signature_date_left_blank(sinjai: Document) -> None:
    everything = text(sinjai)
    assert "Sinjai, .................... 2017" in everything
    assert "NIP. 19610128 198703 1 008" in everything


def test_sinjai_tujuan_table(sinjai: Document) -> None:
    table = rows(sinjai)
    start = next(i for i, r in enumerate(table) if r[:2] == ["TUJUAN", "INDIKATOR TUJUAN"])
    assert table[start][-1] == "TARGET KINERJA INDIKATOR SASARAN PADA TAHUN 2018"
    first = table[start + 1]
    assert first == [
        "Terwujudnya koperasi yang berkualitas dan berdaya saing",
        "Meningkatnya jumlah koperasi aktif",
        "Berkembangnya usaha koperasi sesuai jati diri koperasi",
        "1. Persentase peningkatan koperasi aktif",
        "84,03%",
    ]
    assert table[start + 2][-2:] == [
        "2. Jumlah koperasi yang dinilai kesehatannya",
        "43\u00a0koperasi",
    ]


def test_sinjai_rencana_anggaran(sinjai: Document) -> None:
    table = rows(sinjai)
    start = next(i for i, r in enumerate(table) if r[:2] == ["No", "Program"])
    programs = [r for r in table[start + 2 :] if r and r[0] not in ("", "JUMLAH")]
    numbers = [r[0] for r in programs[:11]]
    assert numbers == ["1", "2", "4", "5", "6", "7", "8", "10", "11", "12", "13"]
    p01 = programs[0]
    assert p01[1:5] == [
        "Program Pelayanan Administrasi Perkantoran",
        "Cakupan Pelayanan Administrasi Perkantoran",
        "100%",
        "519.857.850",
    ]
    assert p01[5:] == [
        "Penyediaan jasa komunikasi, sumber daya air dan Listrik",
        "waktu penyediaan jasa komunikasi, sumber daya air dan listrik",
        "12\u00a0Bulan",
        "56.460.000",
    ]
    total = next(r for r in table if r and r[0] == "JUMLAH" and len(r) == 4)
    assert total == ["JUMLAH", "1.497.695.800", "", "1.439.095.800"]


def test_sinjai_lampiran_i_evaluation_of_2017(sinjai: Document) -> None:
    table = rows(sinjai)
    start = next(i for i, r in enumerate(table) if r[:2] == ["No.", "Indikator Sasaran"])
    assert table[start][2:] == ["Akhir Renstra 2018", "Tahun 2017"]
    assert table[start + 1][3:] == ["Target", "Realisasi", "%"]
    body = table[start + 2 : start + 8]
    assert [r[-1] for r in body] == ["103,74", "102,38", "101,85", "142,86", "100,00", "112,54"]
    assert body[0][1:5] == ["Persentase peningkatan koperasi aktif", "84,03", "83,69", "86,82"]
    assert table[start + 8] == ["Rata-rata capaian Kinerja", "110,56"]


def test_sinjai_lampiran_ii(sinjai: Document) -> None:
    table = rows(sinjai)
    start = table.index(["No", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"])
    assert table[start + 1] == ["(1)", "(2)", "(3)", "(4)"]
    body = table[start + 2 : start + 8]
    assert [r[-1] for r in body] == [
        "84,03%",
        "43\u00a0koperasi",
        "1,08%",
        "40\u00a0produk",
        "29\u00a0orang",
        "9.500\u00a0orang",
    ]
    assert body[0][2] == "- Persentase peningkatan koperasi aktif"


# --- other data ----------------------------------------------------------------------------


def test_without_previous_realisasi_no_evaluation() -> None:
    root = document(EXAMPLES / "sinjai", 2017)  # 2016 has no data
    h2 = [t for s, t in paragraphs(root) if s == "Heading2"]
    assert not any("Evaluasi" in t for t in h2)
    assert "Lampiran I : RENCANA KINERJA TAHUNAN (RKT) Tahun 2017" in h2
    assert "2.1 Rencana Kinerja Tahunan (RKT) Tahun 2017" in h2


def test_without_narrative_standard_wording(tmp_path: Path) -> None:
    folder = tmp_path / "sinjai"
    shutil.copytree(EXAMPLES / "sinjai", folder, ignore=shutil.ignore_patterns("build"))
    shutil.rmtree(folder / "2018" / "narasi")
    root = document(folder, 2018)
    h1 = [t for s, t in paragraphs(root) if s == "Heading1"]
    assert h1[0] == "KATA PENGANTAR" and "BAB III\nPENUTUP" in h1
    body = "\n".join(t for s, t in paragraphs(root) if s in ("Teks", "Daftar"))
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in body
    # visi and misi from renstra.yaml
    assert "Terwujudnya Koperasi UKM dan Tenaga Kerja yang berdaya saing" in body
    assert "Berkurangnya jumlah pengangguran dan terciptanya wirausaha baru" in body
    # the evaluation is summed up with its computed mean
    assert "sebesar 110,56%" in body
    assert "FORMULIR RENCANA KINERJA TAHUNAN" in text(root)


def test_targets_fall_back_to_pk_then_renstra() -> None:
    root = document(EXAMPLES / "blora", 2021)  # target.yaml has only pk
    table = rows(root)
    start = table.index(["No.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"])
    assert [r[-1] for r in table[start + 2 : start + 6]] == ["32", "6.825", "2.942.679", "70"]
    root = document(EXAMPLES / "tanjabbar", 2017)  # no target.yaml: Renstra targets
    assert "FORMULIR RENCANA KINERJA TAHUNAN" in text(root)


def test_year_without_targets_is_reported() -> None:
    hasil = susun(load(EXAMPLES / "buleleng"), "rkt", 2017)
    assert hasil.data is None
    assert [d.code for d in hasil.diagnostics] == ["D001"]


def test_same_bytes_every_time() -> None:
    dinas = load(EXAMPLES / "sinjai")
    assert susun(dinas, "rkt", 2018).data == susun(dinas, "rkt", 2018).data


def test_a_new_dinas_gets_its_rkt_from_doc_all(tmp_path: Path) -> None:
    """``sakipgen init`` then ``build --doc all`` writes the RKT (issue 24): the scaffold
    has RKT targets, and the built-in "sistematika sebagai berikut:" is followed by the
    list it announces (three chapters), so its own H002 no longer skips it."""
    from typer.testing import CliRunner

    from sakipgen.cli import app

    folder, keluar = tmp_path / "dinas", tmp_path / "keluar"
    flags = ["--pemda", "Kabupaten Contoh", "--dinas", "Dinas Contoh"]
    flags += ["--start", "2026", "--end", "2030", "--year", "2026"]
    assert CliRunner().invoke(app, ["init", str(folder), *flags]).exit_code == 0
    result = CliRunner().invoke(app, ["build", str(folder), "--doc", "all", "--out", str(keluar)])
    assert result.exit_code == 0, result.output
    assert ": rkt" not in result.stderr, result.stderr  # no line saying it was skipped
    assert (keluar / "rkt-2026.docx").is_file()
    found = paragraphs(buka((keluar / "rkt-2026.docx").read_bytes()))
    i = found.index(
        ("Teks", "Rencana Kinerja Tahunan ini disusun dengan sistematika sebagai berikut:")
    )
    assert [t.split(",")[0] for s, t in found[i + 1 : i + 4] if s == "Daftar"] == [
        "1.\tBAB I PENDAHULUAN",
        "2.\tBAB II RENCANA KINERJA TAHUNAN (RKT)",
        "3.\tBAB III PENUTUP",
    ]
    assert found[i + 4][0] == "Heading1"  # BAB II follows the list


def test_the_standard_wording_announces_nothing_it_does_not_list(tmp_path: Path) -> None:
    """Sinjai 2018 without its narrative: every section in the built-in wording, none of
    them hollow (its own narrative's "beberapa point" is H002, test_kelengkapan)."""
    folder = tmp_path / "sinjai"
    shutil.copytree(EXAMPLES / "sinjai", folder, ignore=shutil.ignore_patterns("build"))
    shutil.rmtree(folder / "2018" / "narasi")
    hasil = susun(load(folder), "rkt", 2018)
    assert hasil.data is not None
    assert [d.code for d in hasil.diagnostics if d.code.startswith("H")] == []
