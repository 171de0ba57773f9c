"""How figures are written in documents: Indonesian separators, and a no-break space
that keeps every amount with its unit (issue 12: "US$ / 2.942.679", "(73,03 / %)")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from sakipgen.format import SPASI, angka, nilai, persen, rupiah, tanggal
from sakipgen.model.nilai import parse_nilai

NBSP = "\u00a0"


def test_numbers_in_indonesian_format() -> None:
    assert angka(1727182400) == "1.727.182.400"
    assert angka(Decimal("135.31")) == "135,31"
    assert persen(Decimal("8.7")) == "8,70"
    assert persen(None) == "-"


def test_an_amount_stays_with_its_unit() -> None:
    assert SPASI == NBSP
    assert rupiah(150774189) == "Rp" + NBSP + "150.774.189"
    assert nilai(parse_nilai("6825 unit")) == "6.825" + NBSP + "unit"
    assert nilai(parse_nilai("43,30%")) == "43,30%"
    assert nilai(parse_nilai("80-90 persen")) == "80-90" + NBSP + "persen"
    # A text target is printed as written.
    assert nilai(parse_nilai("WTP")) == "WTP"


def test_unit_given_by_the_indikator() -> None:
    from sakipgen.render.umum import dengan_satuan

    assert dengan_satuan(parse_nilai("2942679"), "US$") == "US$" + NBSP + "2.942.679"
    assert dengan_satuan(parse_nilai("32"), "%") == "32%"
    assert dengan_satuan(parse_nilai("43"), "koperasi") == "43" + NBSP + "koperasi"


def test_a_score_is_printed_without_its_unit_word() -> None:
    """Buleleng PK: "Nilai LAKIP Dinas" target 86, satuan "nilai" — printed "86"."""
    from sakipgen.render.umum import dengan_satuan

    assert dengan_satuan(parse_nilai("86"), "nilai") == "86"
    assert dengan_satuan(parse_nilai("3,5"), "Indeks") == "3,5"


def test_page_numbers_go_into_the_lists_only_when_they_match() -> None:
    """build --pdf writes LibreOffice's page numbers into the .docx's table of contents;
    an index whose entries differ from the document's is left alone."""
    from sakipgen.pdf import nomor_daftar
    from sakipgen.render import susun
    from tests.baca_docx import buka, paragraf
    from tests.conftest import bundel
    from tests.render.conftest import part

    data = susun(bundel("sinjai"), "rkt", 2018).data
    assert data is not None
    xml = part(data)
    toc = [t for s, t in paragraf(buka(data)) if s.startswith("TOC") and t]
    lines = [f"{t}\t{i}" for i, t in enumerate(toc, 1)]
    filled = nomor_daftar(xml, [lines])
    assert filled.count("<w:tab/>") - xml.count("<w:tab/>") == len(toc)
    assert nomor_daftar(xml, [lines[:-1]]) == xml  # one entry short: unchanged
    assert nomor_daftar(xml, [lines, lines]) == xml  # not the document's indexes


# Babel's CLDR data is what the hand-written formats must agree with (format.py's
# docstring says why they are hand-written); Babel stays a test dependency for this.
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=4),
)
@example(Decimal("0.125"), 2)  # ties: half-even gives 0,12
@example(Decimal("2.5"), 0)
@example(Decimal("-1234567.891"), 2)
def test_numbers_agree_with_babel_cldr_id(value: Decimal, places: int) -> None:
    from babel import Locale
    from babel.numbers import parse_pattern

    pattern = parse_pattern("#,##0" + ("." + "0" * places if places else ""))
    expected = pattern.apply(value, Locale.parse("id_ID"), decimal_quantization=True)
    # One deliberate difference: a value that rounds to zero prints without "-".
    if value < 0 and expected.lstrip("-").strip("0.,") == "":
        expected = expected.lstrip("-")
    assert angka(value, places) == expected


def test_exact_places_when_none_asked() -> None:
    assert angka(Decimal("89.885")) == "89,885"
    assert angka(Decimal("1E+3")) == "1.000"
    assert angka(Decimal("-0.001"), 2) == "0,00"


def test_dates_agree_with_babel_cldr_id() -> None:
    from babel.dates import format_date

    for d in [date(2021, m, day) for m in range(1, 13) for day in (1, 9, 28)] + [
        date(2021, 12, 31)
    ]:
        assert tanggal(d) == format_date(d, "d MMMM y", locale="id")
    assert tanggal(date(2022, 1, 31)) == "31 Januari 2022"
