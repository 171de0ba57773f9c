"""Hollow parts of a built document (issue 12): H001 empty section, H002 an announced
list with nothing after it, H003 a target column mostly "-", H004 a signatory not
known for the year.  ``build --doc all`` skips a document with any of them."""

from __future__ import annotations

from sakipgen.render import susun
from sakipgen.render.kelengkapan import bagian_kosong
from tests.conftest import bundel


def _p(text: str, style: str = "Teks") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def _h(text: str, level: int) -> str:
    return _p(text, f"Heading{level}")


def test_a_heading_with_nothing_under_it() -> None:
    body = (
        _h("BAB I", 1)
        + _h("A. Ada isinya", 2)
        + _p("Teks.")
        + _h("B. Kosong", 2)
        + _h("BAB II", 1)
        + _h("A. Kosong juga", 2)
        + _h("1. Lebih dalam, kosong", 3)
    )
    assert bagian_kosong(body) == [
        ("H001", "bagian 'B. Kosong' kosong"),
        ("H001", "bagian 'BAB II' kosong"),
        ("H001", "bagian 'A. Kosong juga' kosong"),
        ("H001", "bagian '1. Lebih dalam, kosong' kosong"),
    ]


def test_a_signature_alone_fills_no_section_but_a_table_does() -> None:
    ttd = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
        '<w:tblCaption w:val="Tanda tangan"/></w:tblPr>'
        "<w:tr><w:tc>" + _p("NIP. 1") + "</w:tc></w:tr></w:tbl>"
    )
    table = "<w:tbl><w:tr><w:tc>" + _p("1.727.182.400") + "</w:tc></w:tr></w:tbl>"
    body = _h("KATA PENGANTAR", 1) + ttd + _h("Tabel", 1) + table
    assert bagian_kosong(body) == [("H001", "bagian 'KATA PENGANTAR' kosong")]
    # A table of blank cells (a space, a no-break space written as an entity) shows
    # nothing: its section is empty.
    blank = (
        "<w:tbl><w:tr><w:tc>" + _p(" ") + "</w:tc><w:tc>" + _p("&#160;") + "</w:tc></w:tr></w:tbl>"
    )
    assert bagian_kosong(_h("Tabel kosong", 1) + blank) == [
        ("H001", "bagian 'Tabel kosong' kosong")
    ]


def test_an_announcement_with_nothing_after_it() -> None:
    body = (
        _h("A. Capaian", 2)
        + _p("tercermin pada setiap sasaran sebagai berikut:")
        + _h("1. Sasaran satu", 3)  # its subsections follow: fine
        + _p("Isi.")
        + _p("memuat beberapa point diantaranya:")
        + _h("B. Berikutnya", 2)  # the next section: nothing was listed
        + _p("Daftar:")
        + _p("1.\tsatu", "Daftar")
        + _p("Akhir dokumen:")
    )
    assert bagian_kosong(body) == [
        ("H002", "'memuat beberapa point diantaranya:' tidak diikuti isinya"),
        ("H002", "'Akhir dokumen:' tidak diikuti isinya"),
    ]


def test_an_announcement_followed_by_running_text_only() -> None:
    prosa = "'memuat beberapa point diantaranya:' diikuti paragraf biasa saja, tanpa daftar, "
    body = (
        _h("A. Evaluasi", 2)
        + _p("memuat beberapa point diantaranya:")
        + _p("Walau demikian, rencana kinerja telah dievaluasi.")  # lists nothing
        + _h("B. Visi", 2)
        + _p("Visi Kabupaten adalah :")
        + _p("“Terwujudnya Masyarakat yang Sejahtera”", "Tengah")  # a statement set apart
        + _h("C. Program", 2)
        + _p("Program yang dilaksanakan sebagai berikut:")
        + _p("Program dipilih menurut sasarannya.")  # prose first ...
        + _p("1.\tProgram Pengembangan Koperasi:", "Daftar")  # ... then the list
        + _h("D. Kegiatan", 2)
        + _p("Kegiatan antara lain:")
        + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        "<w:r><w:t>Pelatihan</w:t></w:r></w:p>"  # a list numbered by Word
        + _h("E. Sasaran", 2)
        + _p("Sasaran strategis meliputi:")
        + _p("a. Meningkatnya koperasi aktif;")  # typed as text in the running style
        + _h("F. Akhir", 2)
        + _p("memuat beberapa point diantaranya:")
        + _p("Teks.", "TeksRapat")
    )
    assert bagian_kosong(body) == [
        ("H002", prosa + "tabel atau gambar yang diumumkannya"),
        ("H002", prosa + "tabel atau gambar yang diumumkannya"),
    ]


def test_sinjai_rkt_2018_announces_points_it_never_lists() -> None:
    """The seed's hal. 7: "memuat beberapa point diantaranya:", then a paragraph
    beginning "Walau demikian" and the next section (issue 12)."""
    assert _hollow("sinjai", "rkt", 2018) == [
        "H002 rkt 2018: 'Dalam evaluasi pelaksanaan Rencana Kinerja Tahunan (RKT) Ta…' "
        "diikuti paragraf biasa saja, tanpa daftar, tabel atau gambar yang diumumkannya"
    ]


def _hollow(contoh: str, jenis: str, tahun: int) -> list[str]:
    hasil = susun(bundel(contoh), jenis, tahun)
    assert hasil.data is not None  # an asked-for document is still built
    return [f"{d.code} {d.message}" for d in hasil.diagnostics]


def test_sinjai_lkjip_2017_has_empty_sections() -> None:
    """The seed's LKjIP 2017 gives figures only: no Kata Pengantar, no BAB I text, no
    PK text, no budget (Sinjai 2017 has no anggaran.yaml)."""
    found = _hollow("sinjai", "lkjip", 2017)
    assert [f for f in found if f.startswith("H001")] == [
        "H001 lkjip 2017: bagian 'KATA PENGANTAR' kosong",
        "H001 lkjip 2017: bagian 'BAB I PENDAHULUAN' kosong",
        "H001 lkjip 2017: bagian 'A. Gambaran Umum Organisasi' kosong",
        "H001 lkjip 2017: bagian 'B. Permasalahan Utama' kosong",
        "H001 lkjip 2017: bagian 'B. Perjanjian Kinerja' kosong",
        "H001 lkjip 2017: bagian 'B. Realisasi Anggaran' kosong",
    ]
    # The latest year of the folder is 2018: 2017's signatory is not known.
    assert any(f.startswith("H004 lkjip 2017: penanda tangan tahun 2017") for f in found)


def test_iku_tables_mostly_dash() -> None:
    """IKU targets per Renstra year: Blora 4 IKU × 5 years with 12 '-', Sinjai 6 × 6 with
    24, Buleleng 7 × 6 with 37 (counted in renstra.yaml)."""
    for contoh, tahun, kosong, jumlah in (
        ("blora", 2017, 12, 20),
        ("sinjai", 2013, 24, 36),
        ("buleleng", 2017, 37, 42),
    ):
        found = _hollow(contoh, "iku", tahun)
        expected = f"H003 iku {tahun}: {kosong} dari {jumlah} sel target tabel IKU kosong ('-')"
        assert any(f.startswith(expected) for f in found), found
    # Tanjung Jabung Barat writes every year's target: nothing hollow.
    assert _hollow("tanjabbar", "iku", 2017) == []


def test_pk_sasaran_without_targets_and_unnamed_pihak_kedua() -> None:
    found = _hollow("buleleng", "pk", 2021)
    assert "H003 pk_perubahan 2021: semua target sasaran S2 '-'" in found
    assert "H003 pk_perubahan 2021: semua target sasaran S3 '-'" in found
    assert "H004 pk_perubahan 2021: nama pihak kedua (Bupati Buleleng) belum diisi" in found


def test_a_complete_document_has_nothing_hollow() -> None:
    assert _hollow("blora", "rkt", 2020) == []
