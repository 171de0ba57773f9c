"""A scale checked on its own (issue 24): gaps are K015 at the band of sakip.yaml, at
the dinas's precision, before any figure falls in one; a serapan in a gap is K015 like a
capaian; overlaps stay S004 (the golden cases show each message)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ganti, periksa, salin

# Blora with a closed-range scale (91–100, 76–90, ≤ 75) instead of empat-tingkat.
TERTUTUP = (
    "  skala:\n"
    "    - {kategori: Sangat Baik, batas_bawah: 91, batas_atas: 100}\n"
    "    - {kategori: Baik, batas_bawah: 76, batas_atas: 90}\n"
    "    - {kategori: Cukup, batas_atas: 75}\n"
)


def _skala(root: Path, teks: str, desimal: int = 2) -> list[tuple[int, str, str]]:
    ganti(root / "sakip.yaml", "  skala: empat-tingkat\n", teks)
    ganti(root / "sakip.yaml", "  desimal: 2\n", f"  desimal: {desimal}\n")
    _dinas, diags = periksa(root)
    return [
        (d.location.line, d.code, d.message)
        for d in diags
        if Path(d.location.file).name == "sakip.yaml"
    ]


def test_gaps_depend_on_the_precision(tmp_path: Path) -> None:
    # 2 places: 75,01–75,99 and 90,01–90,99 between the bands, 100,01 up above them.
    dua = _skala(salin(tmp_path / "a"), TERTUTUP)
    assert [(c, m.split(" tidak masuk")[0]) for _l, c, m in dua] == [
        ("K015", "capaian 100,01 ke atas"),
        ("K015", "capaian 90,01 sampai 90,99"),
        ("K015", "capaian 75,01 sampai 75,99"),
    ]
    # 0 places: a rounded capaian is 90 or 91, never between; only 101 up is left.
    nol = _skala(salin(tmp_path / "b"), TERTUTUP, desimal=0)
    assert [(c, m.split(" tidak masuk")[0]) for _l, c, m in nol] == [
        ("K015", "capaian 101 ke atas")
    ]


def test_a_capped_capaian_needs_no_band_above_the_cap(tmp_path: Path) -> None:
    root = salin(tmp_path)
    ganti(root / "sakip.yaml", "  desimal: 2\n", "  desimal: 2\n  batas_atas: 100\n")
    found = _skala(root, TERTUTUP)
    assert [m.split(" tidak masuk")[0] for _l, _c, m in found] == [
        "capaian 90,01 sampai 90,99",
        "capaian 75,01 sampai 75,99",
    ]


def test_a_preset_with_gaps_gets_one_warning(tmp_path: Path) -> None:
    found = _skala(salin(tmp_path), "  skala: lima-tingkat-tertutup\n")
    assert len(found) == 1
    _line, code, message = found[0]
    assert code == "K015"
    assert message.startswith(
        "skala 'lima-tingkat-tertutup' tidak mencakup capaian 50,01 sampai 50,99; "
        "65,01 sampai 65,99; 75,01 sampai 75,99; 90,01 sampai 90,99; 100,01 ke atas:"
    )


def test_presets_without_gaps_and_the_examples_are_quiet(tmp_path: Path) -> None:
    assert _skala(salin(tmp_path / "a"), "  skala: permendagri-86\n") == []
    assert _skala(salin(tmp_path / "b"), "  skala: empat-tingkat\n") == []


def test_serapan_in_a_gap(tmp_path: Path) -> None:
    """Blora 2021 under a serapan scale with a gap 90 < x < 95: P03 spent 299.522.100 of
    320.000.000 = 93,60 %, and the total 1.576.408.211 of 1.727.182.400 = 91,27 %;
    every other program and both sasaran are below 90 or above 95 (85,58 and 99,21)."""
    root = salin(tmp_path)
    ganti(
        root / "sakip.yaml",
        "  skala: empat-tingkat\n",
        "  skala: empat-tingkat\n  skala_serapan:\n"
        "    - {kategori: Baik, batas_bawah: 95}\n"
        "    - {kategori: Kurang, batas_atas: 90}\n",
    )
    _dinas, diags = periksa(root)
    k015 = [
        (Path(d.location.file).name, d.message.split(":")[0]) for d in diags if d.code == "K015"
    ]
    assert k015 == [
        ("anggaran.yaml", "jumlah seluruh program"),
        ("anggaran.yaml", "program P03"),
        ("sakip.yaml", "serapan 90,01 sampai 94,99 tidak masuk pita mana pun"),
    ]
    p03 = next(d for d in diags if d.code == "K015" and "P03" in d.message)
    assert "serapan 93,60 " in p03.message and p03.location.yaml_path == "program[2].realisasi"
