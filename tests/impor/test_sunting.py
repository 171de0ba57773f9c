"""Setting a value in a YAML file's text (impor/sunting.py): the value changes, and
nothing else in the text does."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from sakipgen.impor.sunting import GalatSunting, Ubah, hapus, tambah_butir, teks_skalar, terapkan


def baca(teks: str) -> object:
    return YAML(typ="safe", pure=True).load(StringIO(teks))


def test_a_value_is_replaced_in_place() -> None:
    teks = "indikator:\n  IK1.2: 13244        # tercetak\n  IK2.2: 86.70\n"
    baru = terapkan(teks, Ubah(("indikator", "IK1.2"), ("nilai",), 13250, "nilai"), "r.yaml")
    assert baru == "indikator:\n  IK1.2: 13250        # tercetak\n  IK2.2: 86.70\n"


def test_windows_line_endings_and_text_before_the_value() -> None:
    teks = 'a:\r\n  x: {sumber: "Tabel – “3.5”", nilai: 7}\r\n  y: 1\r\n'
    baru = terapkan(teks, Ubah(("a", "x"), ("nilai",), 8, "nilai"), "r.yaml")
    assert baru == 'a:\r\n  x: {sumber: "Tabel – “3.5”", nilai: 8}\r\n  y: 1\r\n'
    baru = terapkan(teks, Ubah(("a", "z"), ("nilai",), 2, "nilai"), "r.yaml")
    assert baru.endswith("  y: 1\r\n  z: 2\r\n")


def test_after_a_folded_scalar_and_a_nested_list() -> None:
    teks = (
        "program:\n"
        "  - id: P01\n"
        "    uraian: >-\n"
        "      Program yang\n"
        "      panjang\n"
        "  - id: P02\n"
        "    kegiatan:\n"
        "      - uraian: K\n"
        "        sub_kegiatan:\n"
        "          - uraian: S\n"
        "# akhir\n"
    )
    baru = terapkan(teks, Ubah(("program", 0), ("pagu",), 5), "a.yaml")
    assert "      panjang\n    pagu: 5\n  - id: P02\n" in baru
    baru = terapkan(teks, Ubah(("program", 1), ("pagu",), 7), "a.yaml")
    assert "  - id: P02\n    pagu: 7\n    kegiatan:\n" in baru  # pagu before kegiatan
    baru = terapkan(teks, Ubah(("program", 1), ("catatan",), "lihat DPA"), "a.yaml")
    assert "    catatan: lihat DPA\n    kegiatan:\n" in baru
    baru = terapkan(teks, Ubah(("program", 1), ("lain",), 7), "a.yaml")  # unordered: at the end
    assert baru.endswith("          - uraian: S\n    lain: 7\n# akhir\n")
    assert baca(baru) == {
        "program": [
            {"id": "P01", "uraian": "Program yang panjang"},
            {
                "id": "P02",
                "kegiatan": [{"uraian": "K", "sub_kegiatan": [{"uraian": "S"}]}],
                "lain": 7,
            },
        ]
    }


def test_a_short_form_grows_a_field_and_keeps_its_comment() -> None:
    teks = "indikator:\n  IK1.2: 13244   # tercetak\n"
    baru = terapkan(teks, Ubah(("indikator", "IK1.2"), ("bulanan", 3), 3000, "nilai"), "r.yaml")
    assert baru == "indikator:\n  IK1.2: {nilai: 13244, bulanan: {3: 3000}}   # tercetak\n"


def test_a_flow_mapping_that_grows_too_wide_becomes_a_block() -> None:
    teks = "pk:\n  indikator: {IK1.1: 32, IK1.2: 6825}   \nlain: 1\n"
    for i in range(3, 12):
        teks = terapkan(teks, Ubah(("pk", "indikator", f"IK1.{i}"), ("target",), i, "target"), "t")
    assert teks.startswith("pk:\n  indikator:\n    IK1.1: 32\n    IK1.2: 6825\n    IK1.3: 3\n")
    assert teks.endswith("    IK1.11: 11\nlain: 1\n")
    assert baca(teks) == {
        "pk": {"indikator": {"IK1.1": 32, "IK1.2": 6825, **{f"IK1.{i}": i for i in range(3, 12)}}},
        "lain": 1,
    }
    # One with a comment after it stays one line, however long.
    teks = "indikator: {IK1.1: 32}  # tercetak\n"
    for i in range(2, 12):
        teks = terapkan(teks, Ubah(("indikator", f"IK1.{i}"), ("target",), i, "target"), "t")
    assert len(teks.splitlines()) == 1 and teks.endswith("}  # tercetak\n")


def test_a_new_file() -> None:
    baru = terapkan("", Ubah(("rkt", "indikator", "IK1.1"), ("target",), 32, "target"), "t.yaml")
    assert baru == "rkt:\n  indikator:\n    IK1.1: 32\n"


def test_a_path_through_a_value_is_refused() -> None:
    with pytest.raises(GalatSunting, match="bukan nilai tunggal"):
        terapkan("a: 5\n", Ubah(("a",), ("b",), 1), "x.yaml")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("WTP", "WTP"),
        ("Kepala Bidang Koperasi", "Kepala Bidang Koperasi"),
        ("-", '"-"'),
        ("7%", '"7%"'),
        ("yes", '"yes"'),
        ("a: b", '"a: b"'),
        ("2.17.02", '"2.17.02"'),
        (Decimal("43.30"), "43.30"),
        (1727182400, "1727182400"),
    ],
)
def test_scalars(value: Decimal | int | str, text: str) -> None:
    assert teks_skalar(value) == text
    assert baca(f"x: {text}\n") == {"x": value if not isinstance(value, Decimal) else 43.3}


bulan = st.dictionaries(st.integers(1, 12), st.integers(0, 10**9), min_size=1, max_size=12)


@given(bulan, st.integers(1, 12), st.integers(0, 10**9), st.booleans())
def test_any_month_into_any_mapping(isi: dict[int, int], m: int, nilai: int, flow: bool) -> None:
    urut = sorted(isi.items())
    if flow:
        teks = "bulanan: {" + ", ".join(f"{k}: {v}" for k, v in urut) + "}  # catatan\nlain: 1\n"
    else:
        teks = "bulanan:\n" + "".join(f"  {k}: {v}\n" for k, v in urut) + "lain: 1\n"
    baru = terapkan(teks, Ubah(("bulanan",), (m,), nilai), "r.yaml")
    hasil = baca(baru)
    assert hasil == {"bulanan": {**isi, m: nilai}, "lain": 1}
    assert list(hasil["bulanan"]) == sorted(hasil["bulanan"])  # months stay in order
    if m in isi:  # a replaced value: the text around it is untouched
        assert len(baru.splitlines()) == len(teks.splitlines())
    else:  # a new one: one line more (block) or the same lines (flow)
        assert len(baru.splitlines()) == len(teks.splitlines()) + (0 if flow else 1)
    if flow:
        assert "# catatan" in baru


# --- removing a value ("-" in a cell) and the forms a planner's file takes -----------

REALISASI = (
    "# realisasi\n"
    "indikator:\n"
    "  IK1.1: 43.3   # tercetak\n"
    "  IK1.2: {nilai: 5, triwulan: {1: 2, 2: 3}}\n"
    "  IK1.3:\n"
    "    nilai: 7\n"
    "    catatan: x\n"
)


@pytest.mark.parametrize(
    ("dasar", "sub", "hilang", "sisa"),
    [
        # A short form is the value alone: the entry goes, its comment with it.
        (("indikator", "IK1.1"), ("nilai",), "  IK1.1: 43.3   # tercetak\n", None),
        # A period of a flow mapping; the mapping keeps its other periods.
        (
            ("indikator", "IK1.2"),
            ("triwulan", 1),
            "1: 2, ",
            "  IK1.2: {nilai: 5, triwulan: {2: 3}}\n",
        ),
        (("indikator", "IK1.2"), ("nilai",), "nilai: 5, ", "  IK1.2: {triwulan: {1: 2, 2: 3}}\n"),
        (("indikator", "IK1.3"), ("nilai",), "    nilai: 7\n", "  IK1.3:\n    catatan: x\n"),
        # Not there: nothing changes.
        (("indikator", "IK9.9"), ("nilai",), "", None),
        (("indikator", "IK1.3"), ("capaian",), "", None),
    ],
)
def test_a_value_is_removed_with_its_line(
    dasar: tuple[str, ...], sub: tuple[str | int, ...], hilang: str, sisa: str | None
) -> None:
    baru = hapus(REALISASI, Ubah(dasar, sub, "", "nilai"), "r.yaml")
    assert baru == REALISASI.replace(hilang, "", 1) if sisa is None else sisa in baru
    if sisa is not None:
        assert len(REALISASI) - len(baru) == len(hilang)


def test_a_mapping_left_empty_goes_with_its_last_value() -> None:
    """realisasi_triwulan {1: 5} without its only quarter goes; a list section without
    its only entry becomes {} (the file's own mapping too)."""
    teks = (
        "program:\n  - id: P01\n    pagu: 5\n    realisasi_triwulan: {1: 5}\n"
        '    kegiatan:\n      - kode: "2.1"\n        uraian: x\n'
    )
    baru = hapus(teks, Ubah(("program", 0), ("realisasi_triwulan", 1), ""), "a.yaml")
    assert baru == teks.replace("    realisasi_triwulan: {1: 5}\n", "")
    # The first key of a list item shares the dash: the next key moves onto it.
    baru = hapus(teks, Ubah(("program", 0, "kegiatan", 0), ("kode",), ""), "a.yaml")
    assert baru.endswith("    kegiatan:\n      - uraian: x\n")
    assert hapus(
        "indikator:\n  IK1.1: 43.3\n", Ubah(("indikator", "IK1.1"), ("nilai",), "", "nilai"), "r"
    ) == ("indikator: {}\n")
    assert hapus("# c\ntotal:\n  pagu: 5\n", Ubah(("total",), ("pagu",), ""), "a") == "# c\n{}\n"


def test_a_folded_name_is_replaced_and_the_next_line_stays() -> None:
    teks = "kegiatan:\n  - uraian: >-\n      Penerbitan Izin\n      Usaha\n  - uraian: y\n"
    baru = terapkan(teks, Ubah(("kegiatan", 0), ("uraian",), "Izin Usaha"), "a.yaml")
    assert baru == "kegiatan:\n  - uraian: Izin Usaha\n  - uraian: y\n"


def test_a_one_item_list_written_as_its_item_takes_a_field_and_a_second_item() -> None:
    """`indikator: Jumlah standar` (sakipgen init's sub kegiatan) is a list of one."""
    teks = "sub:\n  indikator: Jumlah standar   # satu\n  pagu: 5\n"
    baru = terapkan(teks, Ubah(("sub", "indikator", 0), ("target",), 3, "uraian"), "a.yaml")
    assert baru == "sub:\n  indikator: {uraian: Jumlah standar, target: 3}   # satu\n  pagu: 5\n"
    baru = tambah_butir(teks, ("sub", "indikator"), {"uraian": "Dokumen", "target": 2}, "a.yaml")
    assert (
        baru
        == "sub:\n  indikator: [Jumlah standar, {uraian: Dokumen, target: 2}]   # satu\n  pagu: 5\n"
    )


def test_a_new_key_goes_after_the_comments_of_the_last_entry() -> None:
    """`sakipgen init`'s target.yaml ends with the PK's own comment lines and a commented
    example of pk_perubahan: the new section goes after them, at the end."""
    teks = (
        "pk:\n  indikator:\n    IK1.1: 80\n  # pagu per program:\n  # program: {P01: 5}\n\n"
        "# pk_perubahan:\n#   indikator: …\n"
    )
    baru = terapkan(
        teks, Ubah(("pk_perubahan", "indikator", "IK1.1"), ("target",), 85, "target"), "t"
    )
    assert baru == teks + "pk_perubahan:\n  indikator:\n    IK1.1: 85\n"
    # Into the PK itself: after its values, above its comments.
    baru = terapkan(teks, Ubah(("pk", "indikator", "IK1.2"), ("target",), 9, "target"), "t")
    assert baru.startswith("pk:\n  indikator:\n    IK1.1: 80\n    IK1.2: 9\n  # pagu")


def test_a_fraction_of_three_decimals_is_not_written_as_thousands() -> None:
    """86,725 as YAML's 86.725 would be ambiguous (N001): it is written 86.7250."""
    assert teks_skalar(Decimal("86.725")) == "86.7250"
    assert teks_skalar(Decimal("1.25")) == "1.25" and teks_skalar(Decimal("1234.567")) == "1234.567"
