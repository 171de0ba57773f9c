"""Number and target-value parsing: examples and properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from sakipgen.model.nilai import Num, format_nip, parse_angka, parse_nilai

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (Num("6825"), D("6825")),
        (Num("43.30"), D("43.30")),
        (Num("-2"), D("-2")),
        (Num("0.125"), D("0.125")),  # a leading 0 cannot be a thousands group
        ("43,30", D("43.30")),
        ("1.727.182.400", D("1727182400")),
        ("Rp 1.727.182.400,00", D("1727182400.00")),
        ("Rp.1.727.182.400,-", D("1727182400")),
        ("US$ 2.942.679", D("2942679")),
        ("13.244,5", D("13244.5")),
        (Num("6.8250"), D("6.8250")),
    ],
)
def test_parse_angka(text: str, expected: Decimal) -> None:
    assert parse_angka(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (Num("6.825"), "N001"),
        ("6,825", "N001"),
        ("43.300", "N001"),
        (Num(".nan"), "N003"),
        (Num(".inf"), "N003"),
        (Num("1_000"), "N002"),
        ("12 ribu", "N002"),
        ("9" * 30, "N004"),
        ("1,250,000,000", "N007"),
        ("Rp 1,250,000,000", "N007"),
        ("1,250.50", "N007"),
        ("-2,500,000.125", "N007"),
    ],
)
def test_parse_angka_rejects(text: str, code: str) -> None:
    with pytest.raises(PydanticCustomError) as exc:
        parse_angka(text)
    assert exc.value.type == code


@pytest.mark.parametrize(
    ("text", "polos", "indonesia"),
    [
        # the commas dropped; then the commas made dots and the decimal dot a comma
        ("1,250,000,000", "1250000000", "1.250.000.000"),
        ("US$ 2,942,679", "2942679", "2.942.679"),
        ("12,500.75", "12500.75", "12.500,75"),
    ],
)
def test_english_grouping_says_how_to_write_it(text: str, polos: str, indonesia: str) -> None:
    with pytest.raises(PydanticCustomError) as exc:
        parse_angka(text)
    message = exc.value.message()
    assert exc.value.type == "N007"
    assert "koma sebagai pemisah ribuan" in message
    assert f"tulis {polos} tanpa pemisah ribuan" in message
    titik = f"atau {indonesia} dengan titik sebagai pemisah ribuan"
    assert f'{titik} (di YAML dalam tanda kutip: "{indonesia}")' in message


def test_english_grouping_in_a_target_value() -> None:
    # A target or realisasi with a unit word is read through the same rule.
    with pytest.raises(PydanticCustomError) as exc:
        parse_nilai("1,250,000 unit")
    assert exc.value.type == "N007"
    # One comma and three digits stays ambiguous (6,825 or 6825?), as before.
    with pytest.raises(PydanticCustomError) as amb:
        parse_angka("1,250")
    assert amb.value.type == "N001"


@given(st.integers(min_value=1000, max_value=10**15))
def test_indonesian_grouping_round_trips(n: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    assert parse_angka(f"Rp {grouped},00") == n  # the decimal comma makes the dots thousands
    if n >= 1_000_000:
        assert parse_angka(grouped) == n  # two or more groups: unambiguous
    else:
        with pytest.raises(PydanticCustomError):  # "6.825" could be 6,825
            parse_angka(grouped)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_yaml_numbers_are_exact(d: Decimal) -> None:
    text = str(d)
    if (
        len(text.lstrip("-").split(".")[0]) <= 3
        and text.count(".") == 1
        and len(text.split(".")[1]) == 3
    ):
        return  # never generated with places=2
    assert parse_angka(Num(text)) == d


@given(st.text(max_size=40))
def test_parse_nilai_never_crashes(text: str) -> None:
    try:
        v = parse_nilai(text)
    except PydanticCustomError as exc:
        assert exc.type[0] in "NS"
    else:
        assert v.jenis in {"kosong", "angka", "rentang", "majemuk", "teks"}


@pytest.mark.parametrize(
    ("text", "jenis", "angka", "satuan"),
    [
        ("-", "kosong", None, ""),
        ("43 kop", "angka", D(43), "kop"),
        ("19,37%", "angka", D("19.37"), "%"),
        ("1 Laporan", "angka", D(1), "Laporan"),
        ("WTP", "teks", None, ""),
        ("2 Almari Arsip, 1 Set Sound Sistem", "teks", None, ""),
        ("omzet koperasi : Rp. 107 M", "teks", None, ""),
    ],
)
def test_parse_nilai_kinds(text: str, jenis: str, angka: Decimal | None, satuan: str) -> None:
    v = parse_nilai(text)
    assert (v.jenis, v.angka, v.satuan) == (jenis, angka, satuan)


def test_parse_nilai_range_and_compound() -> None:
    r = parse_nilai("80 - 90")
    assert (r.jenis, r.bawah, r.atas) == ("rentang", D(80), D(90))
    assert parse_nilai("80 s.d. 90").jenis == "rentang"
    c = parse_nilai("7% dan 17%")
    assert c.jenis == "majemuk" and [p.angka for p in c.bagian] == [D(7), D(17)]
    with pytest.raises(PydanticCustomError):
        parse_nilai("90-80")


def test_format_nip() -> None:
    assert format_nip("197410141993111001") == "19741014 199311 1 001"
