"""Reference targets (issue 24): other plans' targets of an indikator (RPJMD, the
province's, the nation's) in ``renstra.yaml`` (``pembanding``, ``target_pembanding``),
printed as comparisons with the capaian against each, never measured, never in a mean.

Blora 2021 with RPJMD targets IK1.1 35 and IK1.2 7.000 and a national target IK1.1 40;
by hand, realisasi against each: 43,30 / 35 × 100 = 123,714… → 123,71; 43,30 / 40 ×
100 = 108,25; 13.244 / 7.000 × 100 = 189,20.  The measured capaian stay the PK's:
IK1.1 135,31, IK1.2 194,05, S1 (135,31 + 194,05) / 2 = 164,68, overall 135,78 (S2
106,88 untouched: its indikator have no reference target).
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sakipgen import beda
from sakipgen.cli import app
from sakipgen.pipeline import siapkan
from sakipgen.render import susun
from tests.baca_docx import buka, paragraf_semua, semua_baris
from tests.conftest import bundel, ganti, periksa, salin

PEMBANDING = "pembanding:\n  - {id: rpjmd, nama: RPJMD}\n  - {id: nasional, nama: Nasional}\n"


def jalankan(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def dengan_pembanding(root: Path) -> Path:
    renstra = root / "renstra.yaml"
    ganti(renstra, "sasaran:\n  - id: S1\n", PEMBANDING + "sasaran:\n  - id: S1\n")
    ganti(
        renstra,
        "        target: {2020: 32, 2021: 32}\n        target_akhir: 32\n",
        "        target: {2020: 32, 2021: 32}\n        target_akhir: 32\n"
        "        target_pembanding:\n          rpjmd: {2020: 30, 2021: 35}\n"
        "          nasional: {2021: 40}\n",
    )
    ganti(
        renstra,
        "        target_akhir: 6825\n",
        "        target_akhir: 6825\n        target_pembanding: {rpjmd: {2021: 7000}}\n",
    )
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dengan_pembanding(salin(tmp_path_factory.mktemp("pembanding")))


def test_compared_never_measured(root: Path) -> None:
    hasil = bundel(root).hasil[2021]
    assert hasil.pembanding == (("rpjmd", "RPJMD"), ("nasional", "Nasional"))
    got = {
        h.indikator.id: [(p.id, p.target.teks, p.capaian) for p in h.pembanding]
        for s in hasil.sasaran
        for h in s.indikator
    }
    assert got == {
        "IK1.1": [("rpjmd", "35", Decimal("123.71")), ("nasional", "40", Decimal("108.25"))],
        "IK1.2": [("rpjmd", "7000", Decimal("189.20"))],
        "IK2.1": [],
        "IK2.2": [],
    }
    plain = bundel("blora").hasil[2021]
    assert [s.capaian for s in hasil.sasaran] == [s.capaian for s in plain.sasaran]
    assert [str(s.capaian) for s in hasil.sasaran] == ["164.68", "106.88"]
    assert (hasil.capaian, hasil.rata_rata_indikator) == (Decimal("135.78"), Decimal("135.78"))
    assert [h.kategori for s in hasil.sasaran for h in s.indikator] == [
        h.kategori for s in plain.sasaran for h in s.indikator
    ]
    # 2020 has no realisasi figure (only printed capaian): the target, no capaian.
    h20 = bundel(root).hasil[2020].sasaran[0].indikator[0]
    assert [(p.id, p.target.teks, p.capaian) for p in h20.pembanding] == [("rpjmd", "30", None)]


def test_the_polaritas_of_the_indikator(tmp_path: Path) -> None:
    """Negative polarity, selisih: measured (2 × 10 − 8) / 10 × 100 = 120,00; against
    a reference 6: (2 × 6 − 8) / 6 × 100 = 66,666… → 66,67."""
    root = tmp_path / "d"
    (root / "2021").mkdir(parents=True)
    (root / "sakip.yaml").write_text(
        "pemda: Kabupaten Contoh\ndinas: {nama: Dinas Contoh}\n"
        'kepala: {nama: Budi, jabatan: Kepala Dinas, nip: "19760817 199511 1 003"}\n'
        "atasan: {jabatan: Bupati Contoh}\n",
        encoding="utf-8",
    )
    (root / "renstra.yaml").write_text(
        "periode: {mulai: 2020, akhir: 2024}\npembanding: [{id: prov, nama: Provinsi}]\n"
        "sasaran:\n  - id: S1\n    uraian: Sasaran satu\n    indikator:\n"
        "      - {id: IK1, uraian: Angka pengangguran, satuan: '%', polaritas: negatif,\n"
        "         target: {2021: 10}, target_pembanding: {prov: {2021: 6}}}\n",
        encoding="utf-8",
    )
    (root / "2021" / "realisasi.yaml").write_text("indikator:\n  IK1: 8\n", encoding="utf-8")
    h = bundel(root).hasil[2021].sasaran[0].indikator[0]
    assert h.capaian == Decimal("120.00")
    assert [(p.id, p.capaian) for p in h.pembanding] == [("prov", Decimal("66.67"))]


def test_by_the_indikators_own_formula(tmp_path: Path) -> None:
    """Negatif by its own rasio, target 10, realisasi 8: T / R = 10 / 8 × 100 = 125,00;
    against a reference 6: 6 / 8 × 100 = 75,00 (before, the dinas's selisih: (2 × 6 − 8)
    / 6 × 100 = 66,67, a formula the indikator does not use)."""
    root = tmp_path / "d"
    (root / "2021").mkdir(parents=True)
    (root / "sakip.yaml").write_text(
        "pemda: Kabupaten Contoh\ndinas: {nama: Dinas Contoh}\n"
        'kepala: {nama: Budi, jabatan: Kepala Dinas, nip: "19760817 199511 1 003"}\n'
        "atasan: {jabatan: Bupati Contoh}\n",
        encoding="utf-8",
    )
    (root / "renstra.yaml").write_text(
        "periode: {mulai: 2020, akhir: 2024}\npembanding: [{id: prov, nama: Provinsi}]\n"
        "sasaran:\n  - id: S1\n    uraian: Sasaran satu\n    indikator:\n"
        "      - {id: IK1, uraian: Angka pengangguran, satuan: '%', polaritas: negatif,\n"
        "         metode_negatif: rasio, target: {2021: 10},\n"
        "         target_pembanding: {prov: {2021: 6}}}\n",
        encoding="utf-8",
    )
    (root / "2021" / "realisasi.yaml").write_text("indikator:\n  IK1: 8\n", encoding="utf-8")
    h = bundel(root).hasil[2021].sasaran[0].indikator[0]
    assert h.capaian == Decimal("125.00")
    assert [(p.id, p.capaian) for p in h.pembanding] == [("prov", Decimal("75.00"))]


def test_lkjip_compares_below_each_sasaran(root: Path) -> None:
    hasil = susun(bundel(root), "lkjip", 2021)
    assert hasil.data is not None
    # The sentences and tables added announce and follow as they should (no H001/H002).
    assert [d.code for d in hasil.diagnostics if d.code in ("H001", "H002")] == []
    dok = buka(hasil.data)
    captions = [t for s, t in paragraf_semua(dok) if s == "JudulTabel"]
    i = captions.index("Tabel 3.2 Pengukuran Kinerja Sasaran 1")
    assert (
        captions[i + 1]
        == "Tabel 3.3 Perbandingan Capaian Sasaran 1 dengan Target RPJMD dan Nasional"
    )
    assert not any(
        c.startswith("Tabel") and "Perbandingan Capaian Sasaran 2" in c for c in captions
    )
    rows = semua_baris(dok)
    k = rows.index(["Indikator Kinerja", "Realisasi", "Perjanjian Kinerja", "RPJMD", "Nasional"])
    assert rows[k + 1] == ["", "", *["Target", "Capaian (%)"] * 3]  # "": merged from above
    assert rows[k + 3] == [
        "1. Persentase koperasi sehat (%)",
        "43,30",
        "32",
        "135,31",
        "35",
        "123,71",
        "40",
        "108,25",
    ]
    assert rows[k + 4][1:] == ["13.244", "6.825", "194,05", "7.000", "189,20", "-", "-"]
    # The sasaran's own table is the seed's, its mean the measured one.
    means = [r for r in rows if r and r[0] == "Rata-rata capaian sasaran"]
    assert [r[1] for r in means] == ["164,68", "106,88"]


def test_rkt_evaluation_lampiran(tmp_path: Path) -> None:
    """Sinjai RKT 2018 evaluates 2017: IK1.1 realisasi 86,82 against RPJMD 85 →
    102,141… → 102,14 and against the province's 90 → 96,466… → 96,47; IK2.2 50 against
    RPJMD 40 → 125,00.  The mean stays 110,56."""
    root = salin(tmp_path, "sinjai")
    renstra = root / "renstra.yaml"
    ganti(
        renstra,
        "sasaran:\n",
        "pembanding:\n  - {id: rpjmd, nama: RPJMD}\n  - {id: prov, nama: Provinsi}\nsasaran:\n",
    )
    ganti(
        renstra,
        "        target: {2017: 83.69, 2018: 84.03}\n",
        "        target: {2017: 83.69, 2018: 84.03}\n"
        "        target_pembanding: {rpjmd: {2017: 85}, prov: {2017: 90, 2018: 90}}\n",
    )
    ganti(
        renstra,
        "        target: {2017: 35, 2018: 40}\n",
        "        target: {2017: 35, 2018: 40}\n        target_pembanding: {rpjmd: {2017: 40}}\n",
    )
    hasil = susun(bundel(root), "rkt", 2018)
    assert hasil.data is not None
    rows = semua_baris(buka(hasil.data))
    k = next(
        i for i, r in enumerate(rows) if r[:3] == ["No.", "Indikator Sasaran", "Akhir Renstra 2018"]
    )
    assert rows[k][3:] == ["Tahun 2017", "RPJMD", "Provinsi"]
    assert rows[k + 1] == ["", "", "", "Target", "Realisasi", "%", "Target", "%", "Target", "%"]
    assert rows[k + 2][2:] == ["84,03", "83,69", "86,82", "103,74", "85", "102,14", "90", "96,47"]
    assert rows[k + 5][-4:] == ["40", "125,00", "-", "-"]
    assert next(r for r in rows if r and r[0] == "Rata-rata capaian Kinerja")[1] == "110,56"


def test_show_export_and_narrative(root: Path, tmp_path: Path) -> None:
    code, out, err = jalankan("show", str(root), "--year", "2021", "--format", "json")
    assert code == 0, err
    ind = [i for s in json.loads(out)["sasaran"] for i in s["indikator"]]
    assert ind[0]["pembanding"] == [
        {"id": "rpjmd", "nama": "RPJMD", "target": "35", "capaian": "123.71"},
        {"id": "nasional", "nama": "Nasional", "target": "40", "capaian": "108.25"},
    ]
    assert ind[2]["pembanding"] == []
    code, out, _err = jalankan("show", str(root), "--year", "2021")
    assert code == 0 and "Target RPJMD" in out and "123,71" in out
    code, _out, err = jalankan(
        "export", str(root), "--year", "2021", "--format", "csv", "--out", str(tmp_path)
    )
    assert code == 0, err
    with (tmp_path / "capaian-indikator.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    k = rows[0].index("Target RPJMD")
    assert rows[0][k : k + 4] == [
        "Target RPJMD",
        "Capaian thd Target RPJMD (%)",
        "Target Nasional",
        "Capaian thd Target Nasional (%)",
    ]
    assert [r[k : k + 4] for r in rows[1:3]] == [
        ["35", "123,71", "40", "108,25"],
        ["7000", "189,20", "", ""],
    ]

    from sakipgen.calc.narasi import Konteks, isi

    b = bundel(root)
    assert b.dinas is not None
    text, problems = isi(
        '{{ target_pembanding("IK1.1", "rpjmd") }}; {{ capaian_pembanding("IK1.2", "rpjmd") }}; '
        '{{ capaian_pembanding("IK1.2", "nasional") }}; {{ capaian_pembanding("IK1.1", "rpjdm") }}',
        Konteks(b.dinas, b.hasil[2021]).functions(),
    )
    assert text.startswith("35; 189,20; ")
    assert [p.message for p in problems] == [
        'capaian_pembanding("IK1.2", "nasional"): indikator \'IK1.2\' tidak punya target '
        "nasional untuk tahun 2021",
        'capaian_pembanding("IK1.1", "rpjdm"): pembanding \'rpjdm\' tidak ada di renstra.yaml '
        "(yang ada: rpjmd, nasional)",
    ]


def test_diff_names_the_plan(root: Path, tmp_path: Path) -> None:
    baru = salin(tmp_path, nama="baru")
    dengan_pembanding(baru)
    ganti(
        baru / "renstra.yaml",
        "          nasional: {2021: 40}\n",
        "          nasional: {2021: 42}\n",
    )
    changes = beda.bandingkan(siapkan(root), siapkan(baru))
    assert [(c.jenis, c.tahun, c.id, c.uraian, str(c.lama), str(c.baru)) for c in changes] == [
        ("target_pembanding", 2021, "IK1.1", "Persentase koperasi sehat (Nasional)", "40", "42")
    ]


def test_checked_like_targets(tmp_path: Path) -> None:
    root = salin(tmp_path)
    renstra = root / "renstra.yaml"
    ganti(
        renstra,
        "sasaran:\n  - id: S1\n",
        PEMBANDING + "  - {id: rpjmd, nama: Lagi}\nsasaran:\n  - id: S1\n",
    )
    ganti(
        renstra,
        "        target_akhir: 32\n",
        "        target_akhir: 32\n"
        "        target_pembanding: {rpjdm: {2021: 35}, nasional: {2025: 40}}\n",
    )
    ganti(
        renstra,
        "        target_akhir: 6825\n",
        "        target_akhir: 6825\n        target_pembanding: {rpjmd: {2021: 7000.5}}\n",
    )
    _dinas, diags = periksa(root)
    found = sorted(
        (d.code, d.location.yaml_path, d.message)
        for d in diags
        if Path(d.location.file).name == "renstra.yaml"
    )
    assert found == [
        (
            "K011",
            "sasaran[0].indikator[1].target_pembanding.rpjmd.2021",
            "IK1.2: 7000.5 unit bukan bilangan bulat",
        ),
        (
            "R001",
            "sasaran[0].indikator[0].target_pembanding.rpjdm",
            "pembanding 'rpjdm' tidak ada; mungkin maksudnya 'rpjmd'?",
        ),
        ("R002", "pembanding[2].id", "id pembanding 'rpjmd' sudah dipakai di baris 34"),
        (
            "R003",
            "sasaran[0].indikator[0].target_pembanding.nasional.2025",
            "target tahun 2025 di luar periode Renstra 2017-2021",
        ),
    ]
    # Without any pembanding declared, the message says where to declare it.
    lain = salin(tmp_path, nama="lain")
    ganti(
        lain / "renstra.yaml",
        "        target_akhir: 32\n",
        "        target_akhir: 32\n        target_pembanding: {rpjmd: {2021: 35}}\n",
    )
    _dinas, diags = periksa(lain)
    assert [(d.code, d.message) for d in diags if d.code == "R001"] == [
        (
            "R001",
            "pembanding 'rpjmd' tidak ada: sebutkan di renstra.yaml, misalnya pembanding: "
            "[{id: rpjmd, nama: RPJMD}]",
        )
    ]
