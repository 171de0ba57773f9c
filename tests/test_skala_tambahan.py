"""Two scales side by side (issue 24): ``profil.skala_tambahan`` judges every capaian
beside ``skala``, each printed and applied, never changing the dinas's own kategori.

Blora 2021 with ``skala_tambahan: [{nama: Ketercapaian Target, skala: ketercapaian}]``
(< 100 Tidak Tercapai, = 100 Tercapai, > 100 Melebihi).  By hand: IK1.1 43,30 / 32 ×
100 = 135,31 and IK1.2 13.244 / 6.825 × 100 = 194,05 are Melebihi (Sangat Baik on
empat-tingkat); IK2.1 2.645.059 / 2.942.679 × 100 = 89,89 is Tidak Tercapai (Baik); IK2.2
with realisasi 70 against 70 here is exactly 100,00: Tercapai (and Baik: empat-tingkat's
Sangat Baik starts above 100).  S1 (135,31 + 194,05) / 2 = 164,68 Melebihi; S2
(89,89 + 100,00) / 2 = 94,945 → 94,95 Tidak Tercapai (Baik); overall (164,68 + 94,95) / 2
= 129,815 → 129,82 Melebihi (Sangat Baik).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sakipgen.cli import app
from sakipgen.render import susun
from tests.baca_docx import buka, paragraf_semua, semua_baris
from tests.conftest import bundel, ganti, periksa, salin

NAMA = "Ketercapaian Target"


def jalankan(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = salin(tmp_path_factory.mktemp("dua-skala"))
    ganti(
        folder / "sakip.yaml",
        "  skala: empat-tingkat\n",
        f"  skala: empat-tingkat\n  skala_tambahan:\n    - {{nama: {NAMA}, skala: ketercapaian}}\n",
    )
    ganti(folder / "2021" / "realisasi.yaml", "IK2.2: 86.70", "IK2.2: 70")
    return folder


def test_each_capaian_on_both_scales(root: Path) -> None:
    hasil = bundel(root).hasil[2021]
    assert hasil.skala_tambahan == (NAMA,)
    rows = {
        h.indikator.id: (h.capaian, h.kategori, h.kategori_tambahan)
        for s in hasil.sasaran
        for h in s.indikator
    }
    assert {k: (str(c), k1, k2) for k, (c, k1, k2) in rows.items()} == {
        "IK1.1": ("135.31", "Sangat Baik", ("Melebihi",)),
        "IK1.2": ("194.05", "Sangat Baik", ("Melebihi",)),
        "IK2.1": ("89.89", "Baik", ("Tidak Tercapai",)),
        "IK2.2": ("100.00", "Baik", ("Tercapai",)),
    }
    assert [(str(s.capaian), s.kategori, s.kategori_tambahan) for s in hasil.sasaran] == [
        ("164.68", "Sangat Baik", ("Melebihi",)),
        ("94.95", "Baik", ("Tidak Tercapai",)),
    ]
    assert (str(hasil.capaian), hasil.kategori, hasil.kategori_tambahan) == (
        "129.82",
        "Sangat Baik",
        ("Melebihi",),
    )


def test_lkjip_prints_both_scales(root: Path) -> None:
    hasil = susun(bundel(root), "lkjip", 2021)
    assert hasil.data is not None
    # The sentences and tables added announce and follow as they should (no H001/H002).
    assert [d.code for d in hasil.diagnostics if d.code in ("H001", "H002")] == []
    dok = buka(hasil.data)
    captions = [t for s, t in paragraf_semua(dok) if s == "JudulTabel"]
    assert "Tabel 3.1 Skala Pengukuran Kinerja Laporan Kinerja Instansi Pemerintah" in captions
    assert f"Tabel 3.2 Skala {NAMA}" in captions
    assert "Tabel 3.3 Pengukuran Kinerja Sasaran 1" in captions
    rows = semua_baris(dok)
    # The second scale's table, '= 100' as such.
    i = rows.index(
        ["No.", "Skala Capaian Kinerja", "Kategori"],
        rows.index(["1", "capaian > 100%", "Sangat Baik"]) + 1,
    )
    assert rows[i + 1 : i + 4] == [
        ["1", "capaian > 100%", "Melebihi"],
        ["2", "capaian = 100%", "Tercapai"],
        ["3", "capaian < 100%", "Tidak Tercapai"],
    ]
    # Each sasaran's table: a kategori column per scale, for indikator and the mean.
    head = next(r for r in rows if r[:2] == ["Sasaran Strategis", "Indikator Kinerja"])
    assert head[-2:] == ["Kategori", NAMA]
    ik21 = next(r for r in rows if any("Nilai ekspor" in c for c in r) and "89,89" in r)
    assert ik21[-2:] == ["Baik", "Tidak Tercapai"]
    ik22 = next(r for r in rows if any("pasar tradisional" in c for c in r) and "100,00" in r)
    assert ik22[-2:] == ["Baik", "Tercapai"]
    means = [r for r in rows if r and r[0] == "Rata-rata capaian sasaran"]
    assert [r[-2:] for r in means] == [["Sangat Baik", "Melebihi"], ["Baik", "Tidak Tercapai"]]
    # BAB IV's summary: the column, and both kategori beside each mean.
    summary = next(r for r in rows if r and r[0] == "Rata-rata capaian seluruh sasaran")
    assert summary[-1] == "129,82\n(Sangat Baik / Melebihi)"
    assert any(r[-2:] == ["Tidak Tercapai", "94,95\n(Baik / Tidak Tercapai)"] for r in rows)


def test_show_and_export(root: Path, tmp_path: Path) -> None:
    code, out, err = jalankan("show", str(root), "--year", "2021", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kategori"] == "Sangat Baik" and data["kategori_tambahan"] == {NAMA: "Melebihi"}
    s2 = data["sasaran"][1]
    assert s2["kategori_tambahan"] == {NAMA: "Tidak Tercapai"}
    assert [i["kategori_tambahan"][NAMA] for i in s2["indikator"]] == ["Tidak Tercapai", "Tercapai"]
    code, out, err = jalankan("show", str(root), "--year", "2021")
    assert code == 0 and NAMA in out and "(Sangat Baik / Melebihi)" in out
    code, _out, err = jalankan(
        "export", str(root), "--year", "2021", "--format", "csv", "--out", str(tmp_path)
    )
    assert code == 0, err
    with (tmp_path / "capaian-indikator.csv").open(encoding="utf-8-sig") as fh:
        ind = list(csv.reader(fh, delimiter=";"))
    k = ind[0].index("Kategori")
    assert ind[0][k + 1] == NAMA
    assert [(r[2], r[k], r[k + 1]) for r in ind[1:]] == [
        ("IK1.1", "Sangat Baik", "Melebihi"),
        ("IK1.2", "Sangat Baik", "Melebihi"),
        ("IK2.1", "Baik", "Tidak Tercapai"),
        ("IK2.2", "Baik", "Tercapai"),
        ("IK3.1", "", ""),  # no target in 2021: listed without figures, on no scale
    ]
    with (tmp_path / "capaian-sasaran.csv").open(encoding="utf-8-sig") as fh:
        sas = list(csv.reader(fh, delimiter=";"))
    # S1, S2, S3 (nothing measured in 2021: no capaian, on no scale), the overall capaian,
    # the mean of all indikator (no kategori).
    assert [r[5] for r in sas] == [NAMA, "Melebihi", "Tidak Tercapai", "", "Melebihi", ""]


def test_without_a_further_scale_nothing_changes() -> None:
    hasil = bundel("blora").hasil[2021]
    assert hasil.skala_tambahan == () and hasil.kategori_tambahan == ()
    assert all(h.kategori_tambahan == () for s in hasil.sasaran for h in s.indikator)


def test_narrative_names_the_scale(root: Path, tmp_path: Path) -> None:
    from sakipgen.calc.narasi import Konteks, isi

    b = bundel(root)
    assert b.dinas is not None
    f = Konteks(b.dinas, b.hasil[2021]).functions()
    text, problems = isi(
        f'{{{{ kategori("IK2.2") }}}} / {{{{ kategori("IK2.2", skala="{NAMA}") }}}}; '
        f'{{{{ kategori_sasaran("S2", skala="{NAMA}") | lower }}}}; '
        f'{{{{ kategori_total(skala="{NAMA}") }}}}; {{{{ kategori("IK1.1", skala="Lain") }}}}',
        f,
    )
    assert text.startswith("Baik / Tercapai; tidak tercapai; Melebihi; ")
    assert [p.message for p in problems] == [
        f'kategori("IK1.1", skala="Lain"): skala \'Lain\' tidak ada di sakip.yaml '
        f"profil.skala_tambahan (yang ada: {NAMA})"
    ]


def test_a_further_scale_is_checked_like_skala(tmp_path: Path) -> None:
    """Its gaps are K015 at its band, a capaian in one is K015 naming it; two scales of
    one name are S004.  Blora under closed bands 100–150 'Tinggi' and ≤ 99 'Rendah':
    99,01–99,99 and 150,01 up have no band; IK1.2's 194,05 (2021) and its 194,47 (2020,
    entered by hand) are above it, every other capaian below 99 or in 100–150."""
    root = salin(tmp_path)
    ganti(
        root / "sakip.yaml",
        "  skala: empat-tingkat\n",
        "  skala: empat-tingkat\n  skala_tambahan:\n    - nama: Dua\n      skala:\n"
        "        - {kategori: Tinggi, batas_bawah: 100, batas_atas: 150}\n"
        "        - {kategori: Rendah, batas_atas: 99}\n",
    )
    _dinas, diags = periksa(root)
    k015 = sorted(
        ("/".join(Path(d.location.file).parts[-2:]), d.location.yaml_path, d.message.split(";")[0])
        for d in diags
        if d.code == "K015"
    )
    assert k015 == [
        (
            "2020/realisasi.yaml",
            "indikator.IK1.2",
            "IK1.2: capaian 194,47 tidak masuk pita mana pun di skala 'Dua' "
            "(sakip.yaml profil.skala_tambahan)",
        ),
        (
            "2021/realisasi.yaml",
            "indikator.IK1.2",
            "IK1.2: capaian 194,05 tidak masuk pita mana pun di skala 'Dua' "
            "(sakip.yaml profil.skala_tambahan)",
        ),
        (
            "blora/sakip.yaml",
            "profil.skala_tambahan[0].skala[0]",
            "capaian 150,01 ke atas tidak masuk pita mana pun: tidak ada pita di atas pita "
            "'Tinggi', kategorinya akan dicetak '–'",
        ),
        (
            "blora/sakip.yaml",
            "profil.skala_tambahan[0].skala[1]",
            "capaian 99,01 sampai 99,99 tidak masuk pita mana pun: ada celah antara pita "
            "'Rendah' dan pita 'Tinggi', kategorinya akan dicetak '–'",
        ),
    ]
    dua = salin(tmp_path, nama="dua")
    ganti(
        dua / "sakip.yaml",
        "  skala: empat-tingkat\n",
        "  skala: empat-tingkat\n  skala_tambahan:\n"
        "    - {nama: A, skala: ketercapaian}\n    - {nama: A, skala: permendagri-86}\n",
    )
    _dinas, diags = periksa(dua)
    assert [(d.code, d.message.split(";")[0]) for d in diags if d.severity.value == "error"] == [
        ("S004", "nama skala_tambahan 'A' dipakai dua kali")
    ]
