"""The one column-width allocator (render/ukur.bagi) and the generic table's use of it,
with widths computed by hand."""

from __future__ import annotations

from markupsafe import Markup

from sakipgen.render import ukur
from sakipgen.render.tabel import Kol, Sel, lebar_kolom, teks_sel

K = ukur.Kebutuhan


def test_shares_follow_the_weights_when_every_word_fits() -> None:
    assert ukur.bagi([K(100, 100, bobot=1), K(100, 100, bobot=3)], 1000) == [250, 750]


def test_a_column_below_its_longest_word_keeps_it_and_the_others_share_the_rest() -> None:
    # 1000 × 1/10 = 100 < 300: the first keeps 300, the second gets 1000 − 300.
    assert ukur.bagi([K(300, 300, bobot=1), K(100, 100, bobot=9)], 1000) == [300, 700]


def test_content_columns_get_their_natural_width_text_the_rest() -> None:
    assert ukur.bagi([K(200, 500), K(100, 100, bobot=1)], 2000) == [500, 1500]
    # ... up to their batas.
    assert ukur.bagi([K(200, 500, batas=300), K(100, 100, bobot=1)], 2000) == [300, 1700]


def test_content_gives_back_down_to_its_word_when_text_would_be_cramped() -> None:
    # The text (3000 on one line) wants its comfortable 1000, but only 2000 − 1500 = 500
    # is left: the content column gives back from its 1500 − 400 = 1100 spare the 500.
    need = [K(400, 1500), K(100, 3000, bobot=1, nyaman=1000)]
    assert ukur.bagi(need, 2000) == [1000, 1000]


def test_longest_words_that_do_not_fit_shrink_alike() -> None:
    assert ukur.bagi([K(600, 600, bobot=1), K(600, 600, bobot=1)], 1000) == [500, 500]
    assert ukur.bagi([K(300, 300), K(900, 900, bobot=1)], 600) == [150, 450]


def test_uniform_columns_share_one_width() -> None:
    widths = ukur.bagi([K(100, 300), K(100, 400), K(100, 100, bobot=1)], 2000, seragam=[0, 1])
    assert widths == [400, 400, 1200]


def test_full_text_columns_leave_the_rest_to_the_widened_columns() -> None:
    # The text is full at 400; 1400 − 400 − 2 × 200 = 600 widens the two periods.
    need = [
        K(100, 400, bobot=1, penuh=True),
        K(200, 200, lebarkan=True),
        K(200, 200, lebarkan=True),
    ]
    assert ukur.bagi(need, 1400) == [400, 500, 500]


def test_generic_table_widens_a_column_to_its_longest_word() -> None:
    """Blora LKjIP Tabel 3.3: "KEDUNGTUBAN" was broken ("KEDUNGTUB/AN").  At 10 pt its
    Arial width is (667+667+722+722+722+778+611+722+667+667+722) / 1000 em × 200 twips
    = 1533,4 → 1533, plus 2 × 70 margin and 24 slack = 1697."""
    rows: list[tuple[list[object], bool]] = [
        (["Alamat", "Nama"], True),
        (["KEDUNGTUBAN", "x"], False),
    ]
    assert ukur.lebar("KEDUNGTUBAN", setengah_pt=20) == 1533
    assert lebar_kolom([Kol(1), Kol(9)], rows, 5000, kecil=False) == [1697, 3303]
    # Where the preferred shares already fit every word, they are kept.
    assert lebar_kolom([Kol(5), Kol(5)], rows, 5000, kecil=False) == [2500, 2500]


def test_generic_table_measures_header_bold_and_skips_spanning_cells() -> None:
    # "Kuantitas" bold at 8 pt: K722 u611 a556 n611 t333 i278 t333 a556 s556 = 4556
    # → 4556 × 160 / 1000 = 728,96 → 729, plus 2 × 40 + 24 = 833.
    rows: list[tuple[list[object], bool]] = [
        ([Sel("Nilai Ekspor Dalam Satuan Yang Sangat Panjang", span=2)], True),
        (["Kuantitas", "x"], True),
    ]
    assert lebar_kolom([Kol(1), Kol(9)], rows, 5000, kecil=True) == [833, 4167]


def test_cell_text_of_ready_markup() -> None:
    cell = Markup(
        '<w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>C</w:t></w:r></w:p>"
    )
    assert teks_sel(cell) == "A & B\nC"
    assert teks_sel("plain <w:t>") == "plain <w:t>"


def test_kop_lines_are_balanced_never_one_word_alone() -> None:
    """Buleleng's name at 14 pt bold does not fit one line of 8.770 twips; Word would
    leave "MENENGAH" alone on the second line.  Balanced: two lines of similar width."""
    nama = "DINAS PERDAGANGAN, PERINDUSTRIAN DAN KOPERASI, USAHA KECIL DAN MENENGAH"
    out = ukur.baris_seimbang(nama, 8770, setengah_pt=28, tebal=True)
    first, second = out.split("\n")
    assert (first, second) == (
        "DINAS PERDAGANGAN, PERINDUSTRIAN DAN",
        "KOPERASI, USAHA KECIL DAN MENENGAH",
    )
    assert max(ukur.lebar(x, setengah_pt=28, tebal=True) for x in (first, second)) <= 8770
    # What fits stays on one line.
    assert ukur.baris_seimbang("PEMERINTAH KABUPATEN BLORA", 8770, setengah_pt=28) == (
        "PEMERINTAH KABUPATEN BLORA"
    )


def test_lines_a_text_takes_in_a_width() -> None:
    # Bold Helvetica at 8 pt: W is 944/1000 em, so "WWW" is 2832 × 160 / 1000 = 453
    # twips, a space 278 × 160 / 1000 = 44.
    def n(text: str, width: int) -> int:
        return ukur.jumlah_baris(text, width, setengah_pt=16, tebal=True)

    assert n("WWW WWW WWW", 1450) == 1  # 453 + 44 + 453 + 44 + 453 = 1447
    assert n("WWW WWW WWW", 1000) == 2  # 950 fits, the third word does not
    assert n("WWW WWW WWW WWW WWW WWW WWW", 1000) == 4
    assert n("WWW\nWWW", 5000) == 2  # a line break starts a line
    assert n("W" * 10, 600) == 3  # 1510 twips of one piece: ceil(1510 / 600)


def test_a_merged_header_cell_gets_the_height_its_lines_need() -> None:
    """TabelKecil: 8 pt, 40-twip cell margins; a line of 184 twips (8 pt × 20 × 1,15),
    60 for the paragraph's spacing and the border."""
    from sakipgen.render.tabel import tinggi_kepala

    widths = [1080, 600, 600]  # the merged cell has 1080 − 2 × 40 = 1000 twips of text
    bawah = [Sel("", vmerge="continue"), "A", "B"]
    pendek = [Sel("WWW WWW WWW", vmerge="restart"), Sel("Grup", span=2)]
    # 2 lines: 2 × 184 + 60 = 428 ≤ the rows' own 244 + 244.
    assert tinggi_kepala([pendek, bawah], widths, kecil=True) == {}
    panjang = [Sel("WWW WWW WWW WWW WWW WWW WWW", vmerge="restart"), Sel("Grup", span=2)]
    # 4 lines: 796 − 488 = 308 more, on the last row it spans: 244 + 308.
    assert tinggi_kepala([panjang, bawah], widths, kecil=True) == {1: 552}
